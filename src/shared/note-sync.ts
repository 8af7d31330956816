// The note's protocol, in one home. First the version rule both halves apply: which of two copies
// of a note is newer, decided on what the page and the extension both know (the version the
// extension stores with each note and the page's own edit counter), never on two clocks. Then the
// page's half: what the question page types, sends and keeps until the extension says it is
// saved. DOM-free (webview/main.ts gives it the notes box, the status line, the page's saved state
// and the channel to the extension), so every race is unit-tested in plain Node
// (test/unit/page/note-sync.test.ts). The extension's half: NoteStore.receiver, progress/notes.ts.
// Every keystroke goes into the page's saved state and to the extension at once (a note closed
// right after a keystroke lost it when sends waited for a pause; a long note sent at most every
// 500 ms lost its last keystrokes to a reload). Notes over PATCH_ABOVE_CHARS go as a patch to
// the previous send, so a keystroke costs the same at any length. The draft stays in the saved
// state until the extension answers `saved` (or `kept`): a reply `failed` (the storage, the
// journal or the note's file could not be written) keeps it, says "Not saved: … · retrying" and
// sends it again, whole, after a wait that grows, until it is saved.
// Newer wins (judgeEdit below): a draft the saved state brings back after a reload may be
// older than the stored note (VS Code for the browser saves that state on a timer), so it goes as
// `restored`, and the extension keeps whichever copy is newer, the other as a conflict copy when
// it holds text the newer lacks.
import type { EditNote, EditNoteReply, ExtensionMessage, PageState } from './protocol';

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

// --- the page's half --------------------------------------------------------------------------

/** Longer notes are sent as patches to the previous send rather than whole. */
export const PATCH_ABOVE_CHARS = 20_000;
/** The waits before a draft that failed to save is sent again; the last repeats. */
export const RESEND_MS = [1000, 2000, 4000, 5000];

/** What the status line beside the notes says. */
export type NoteStatus =
  | { kind: 'saved' }
  | { kind: 'saving' }
  | { kind: 'empty' }
  | { kind: 'keptDraft' }
  | { kind: 'rejected'; reason: string }
  | { kind: 'failed'; reason: string };

/** The question the page shows, as far as its note goes. */
export interface NoteView {
  bankId: string;
  id: string;
  pageKey: string;
  note: string;
  noteStamp: NoteStamp;
}

/** What the page's half acts on: the replies to its edits, and another page's change of the note. */
export type NoteReply = EditNoteReply | Extract<ExtensionMessage, { type: 'note' }>;

/** What the page gives its half: the channel out, its saved state, the notes box, the status line, a clock. */
export interface NotePort {
  send(message: EditNote): void;
  getState(): PageState | undefined;
  setState(state: PageState): void;
  /** The notes box's text now. */
  text(): string;
  /** Puts a text in the notes box (`keepSelection`: where the learner's cursor was). */
  setText(text: string, keepSelection?: boolean): void;
  status(status: NoteStatus): void;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
}

export class PageNote {
  private view: NoteView | undefined;
  private revision = 0;
  /** The stored version of the note this page was last in step with. */
  private base = 0;
  private unsent = false;
  /** What this page load last sent for a question: the base of the next patch. */
  private sent: { id: string; bankId?: string; text: string; revision: number } | undefined;
  /** The revision of the last whole-text send, so a burst of 'resend' replies costs one resend. */
  private lastWhole = 0;
  /** A draft that failed to save: when it goes again, and how many times it failed. */
  private retry: { timer: unknown; failures: number } | undefined;

  constructor(
    private readonly port: NotePort,
    /** This page load's writer id: its edits are ordered by `revision`, whatever an earlier load of the page sent. */
    readonly writer: string,
  ) {}

  /** The draft not yet confirmed saved, if any (in the page's saved state). */
  get pending(): PageState['pending'] {
    return this.port.getState()?.pending;
  }

  /** A question is shown (opened, moved to, shown again): its stored note, or a draft the saved state brought back. */
  show(v: NoteView): void {
    this.view = v;
    this.base = v.noteStamp.version;
    const draft = this.pending;
    const restored = draft && { ...draft, bankId: draft.bankId ?? this.port.getState()?.bankId };
    const sameQuestion = !!restored && restored.id === v.id && restored.bankId === v.bankId;
    if (restored && sameQuestion && restored.writer === this.writer) {
      // This page's own typing, shown again (the same question opened again): it stays, and goes out if unsent.
      this.port.setText(restored.text);
      this.flush();
    } else if (restored && sameQuestion && restored.text !== v.note) {
      // Typed before a reload or close and not confirmed saved. Whether it is newer than the stored
      // note is the extension's call (it answers 'saved' or 'kept'); until then the page shows the
      // copy the version rule says wins, and keeps the draft in its state.
      this.port.setText(judgeEdit(v.noteStamp, restored) === 'apply' ? restored.text : v.note);
      this.sendRestored(restored);
      this.port.status({ kind: 'saving' });
    } else {
      this.port.setText(v.note);
      // A draft of another question (the page came back on the question it showed last, not the
      // one its stale state named), or of another bank: it goes to the extension all the same, to
      // be judged there, in the bank it was typed in.
      if (restored && !sameQuestion && restored.writer !== this.writer) this.sendRestored(restored);
      this.port.setState({ bankId: v.bankId, id: v.id, pageKey: v.pageKey });
      this.port.status({ kind: v.note ? 'saved' : 'empty' });
    }
  }

  /** The learner typed: the draft goes into the saved state and to the extension at once (the notes box's listener). */
  readonly typed = (): void => {
    const v = this.view;
    if (!v) return;
    this.revision += 1;
    this.port.setState({
      bankId: v.bankId,
      id: v.id,
      pageKey: v.pageKey,
      pending: { id: v.id, bankId: v.bankId, text: this.port.text(), writer: this.writer, revision: this.revision, base: this.base },
    });
    this.port.status({ kind: 'saving' });
    this.unsent = true;
    this.flush();
  };

  /** Sends the typed note now, if it has not been sent yet: whole, or as a patch when it is long. */
  flush(whole = false): void {
    const state = this.port.getState();
    const pending = state?.pending;
    if (!pending || !this.unsent || pending.writer !== this.writer) return;
    this.unsent = false;
    const head = {
      type: 'editNote',
      id: pending.id,
      bankId: pending.bankId ?? state?.bankId,
      writer: this.writer,
      revision: pending.revision,
      base: this.base,
      restored: false,
    } as const;
    const sent = this.sent;
    if (!whole && sent && sent.id === pending.id && sent.bankId === pending.bankId && pending.text.length > PATCH_ABOVE_CHARS) {
      this.port.send({ ...head, patch: makePatch(sent.text, pending.text, sent.revision) });
    } else {
      this.port.send({ ...head, text: pending.text });
      this.lastWhole = pending.revision;
    }
    this.sent = { id: pending.id, bankId: pending.bankId, text: pending.text, revision: pending.revision };
  }

  /**
   * Before the page shows another question: an unconfirmed edit of this one that went as a patch
   * goes again whole, since a patch can fail to apply once the page has moved on and forgotten it.
   */
  leave(): void {
    const pending = this.pending;
    const sent = this.sent;
    if (
      pending &&
      pending.writer === this.writer &&
      sent?.id === pending.id &&
      sent.revision === pending.revision &&
      sent.revision !== this.lastWhole
    )
      this.unsent = true;
    this.flush(true);
  }

  /** Acts on the extension's reply about a note, or on another page's change of it. */
  receive(m: NoteReply): void {
    const state = this.port.getState();
    const v = this.view;
    switch (m.type) {
      case 'note':
        // Another page changed this note; taken unless this page has unsaved typing of its own
        // (its next edit then wins, and the text it replaces is kept as a conflict copy).
        if (v?.id === m.id && !state?.pending) {
          this.base = m.stamp.version;
          if (this.port.text() !== m.text) this.port.setText(m.text, true);
          this.port.status({ kind: m.text ? 'saved' : 'empty' });
        }
        return;
      case 'saved':
        if (v?.id === m.id && m.version > this.base) this.base = m.version;
        if (this.isPending(m)) {
          this.settle();
          this.port.status({ kind: 'saved' });
        }
        return;
      case 'kept':
        // A restored draft was older than the stored note, which stays; shown here unless typed over since.
        if (this.isPending(m)) {
          this.settle();
          if (v?.id === m.id) {
            this.base = m.stamp.version;
            if (this.port.text() !== m.text) this.port.setText(m.text);
          }
          this.port.status({ kind: m.conflict ? 'keptDraft' : m.text ? 'saved' : 'empty' });
        }
        return;
      case 'resend':
        // A patch met a note saved from elsewhere: the whole text goes (once for a burst of these).
        if (m.writer === this.writer && m.revision > this.lastWhole && state?.pending?.id === m.id) {
          this.sent = undefined;
          this.unsent = true;
          this.flush();
        }
        return;
      case 'rejected':
        // Refused for good (too large): the draft stays in the box and the state; nothing is retried.
        if (state?.pending?.id === m.id) this.port.status({ kind: 'rejected', reason: m.message });
        return;
      case 'failed':
        // Not written (storage, journal or file): kept, said, and sent again whole after a wait.
        if (this.isPending(m)) {
          this.port.status({ kind: 'failed', reason: m.message });
          this.scheduleRetry();
        }
        return;
    }
  }

  /** True when a reply is about the edit this page's state still holds as unsaved. */
  private isPending(m: { id: string; writer: string; revision: number }): boolean {
    const p = this.pending;
    return !!p && p.id === m.id && p.writer === m.writer && p.revision === m.revision;
  }

  /** The pending edit is saved: the state keeps no draft, and no retry waits. */
  private settle(): void {
    const state = this.port.getState()!;
    this.port.setState({ bankId: state.bankId, id: state.id, pageKey: state.pageKey });
    if (this.retry) this.port.clearTimer(this.retry.timer);
    this.retry = undefined;
  }

  private scheduleRetry(): void {
    const failures = (this.retry?.failures ?? 0) + 1;
    if (this.retry) this.port.clearTimer(this.retry.timer);
    const wait = RESEND_MS[Math.min(failures - 1, RESEND_MS.length - 1)];
    const timer = this.port.setTimer(() => {
      const p = this.pending;
      if (!p) return;
      // A restored draft of another writer goes again as it came; this page's own, whole.
      if (p.writer !== this.writer) this.sendRestored({ ...p, bankId: p.bankId ?? this.port.getState()?.bankId });
      else {
        this.unsent = true;
        this.flush(true);
      }
    }, wait);
    this.retry = { timer, failures };
  }

  private sendRestored(d: NonNullable<PageState['pending']>): void {
    this.port.send({
      type: 'editNote',
      id: d.id,
      bankId: d.bankId,
      text: d.text,
      writer: d.writer,
      revision: d.revision,
      base: d.base,
      restored: true,
    });
  }
}
