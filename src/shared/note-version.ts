// Which of two copies of a note is newer, decided on what the page and the extension both know:
// the version the extension stores with each note and the page's own edit counter. Never on two
// clocks. Shared by the page (webview/) and the store (progress/); pure, no 'vscode', no DOM.

/** What the extension stores with each note to order its copies. */
export interface NoteStamp {
  /** Counts the note's saves: each accepted edit stores the version it replaced plus one. */
  version: number;
  /** The page load (or extension part) whose edit made this version; '' for notes from before versions. */
  writer: string;
  /** That writer's edit counter at this version. */
  revision: number;
}

export const UNVERSIONED: NoteStamp = { version: 0, writer: '', revision: 0 };

/** An edit of a note as a page sends it. */
export interface NoteEdit {
  text: string;
  /** A fresh id per page load: one writer's edits are in order, each with a higher revision. */
  writer: string;
  revision: number;
  /** The stored version this page's text was last in step with (shown, saved or taken from another page). */
  base: number;
}

/**
 * - `apply`: the edit is newer than the stored note (the same writer further on, or made on top of
 *   the stored version).
 * - `stale`: the stored note is newer (the same writer further on: a draft restored from an old
 *   save of the page's state).
 * - `concurrent`: another writer saved since this page was last in step; neither saw the other.
 */
export type Verdict = 'apply' | 'stale' | 'concurrent';

export function judgeEdit(stored: NoteStamp, edit: Pick<NoteEdit, 'writer' | 'revision' | 'base'>): Verdict {
  if (stored.writer !== '' && edit.writer === stored.writer) return edit.revision > stored.revision ? 'apply' : 'stale';
  return edit.base >= stored.version ? 'apply' : 'concurrent';
}

/**
 * True when `text` holds something `other` lacks: its characters do not all appear in `other`
 * in the same order. A draft that is only an earlier, shorter state of the note (a prefix, or the
 * note with later insertions) holds nothing the note lacks and can go; anything else is kept.
 */
export function holdsTextTheOtherLacks(text: string, other: string): boolean {
  if (text.length === 0) return false;
  if (other.startsWith(text) || other.includes(text)) return false;
  if (text.length > other.length) return true;
  let j = 0;
  for (let i = 0; i < other.length && j < text.length; i++) if (other.charCodeAt(i) === text.charCodeAt(j)) j++;
  return j < text.length;
}

/**
 * A change to the text a page last sent: `remove` characters at `at` replaced by `insert`.
 * Long notes travel as patches so every keystroke can go at once, however long the note.
 */
export interface NotePatch {
  /** The revision of the page's send this patch applies to. */
  from: number;
  at: number;
  remove: number;
  insert: string;
}

/** The smallest patch (one changed stretch) that turns `before` into `after`. */
export function makePatch(before: string, after: string, from: number): NotePatch {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { from, at: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) };
}

/** The text with the patch applied, or undefined when the patch does not fit it. */
export function applyPatch(text: string, patch: Omit<NotePatch, 'from'>): string | undefined {
  if (patch.at + patch.remove > text.length) return undefined;
  return text.slice(0, patch.at) + patch.insert + text.slice(patch.at + patch.remove);
}
