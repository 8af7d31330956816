// Messages between the extension and the question page, declared once and imported with
// `import type` on both sides. Messages from the page are untrusted: see parsePageMessage.
import type { NotePatch, NoteStamp } from './note-version';

/** The question's review state as the page shows it: words made by the extension. */
export interface ReviewView {
  /** When the question is next due, in words ("in 3 days", "now"); empty when it was never rated. */
  dueText: string;
  /** The last rating (1 Again … 4 Easy), if any. */
  lastRating?: number;
  /** What each rating would schedule now (Again, Hard, Good, Easy), in words ("10 min", "3 days"). */
  intervals: [string, string, string, string];
  /** In a review session: this question's place in it. `fresh`: questions never reviewed before. */
  session?: { position: number; count: number; fresh: boolean };
}

/** What the page needs to show one question. */
export interface PageContent {
  bankId: string;
  id: string;
  /** The id as shown: "#3" for an id made from a section title (bank/ids.ts shownId). */
  shownId: string;
  /** The page's own key, kept in its state so a revived page can be told which question it showed last. */
  pageKey: string;
  /** Section titles from the top down. */
  path: string[];
  /** The question as HTML, every character of the bank escaped (see panel/render.ts). */
  questionHtml: string;
  /** Plain text of the question, for the page title and screen readers. */
  text: string;
  detailsHtml: string;
  /** The bank's own answer as HTML (escaped like the question), empty when it has none: shown only when asked for. */
  answerHtml: string;
  done: boolean;
  note: string;
  /** The stored note's version stamp: a draft restored by the page is judged against it. */
  noteStamp: NoteStamp;
  /** 1-based position in the bank and the bank's size. */
  index: number;
  total: number;
  hasPrevious: boolean;
  hasNext: boolean;
  noteMaxChars: number;
  review: ReviewView;
}

export type ExtensionMessage =
  /** `focusNotes`: the learner opened this question (a click, a command): the notes box takes the focus. */
  | { type: 'show'; view: PageContent; focusNotes?: boolean }
  | { type: 'done'; id: string; done: boolean }
  /** The notes rendered for the page's Preview (escaped like the question), in reply to previewNote `seq`. */
  | { type: 'notePreview'; id: string; seq: number; html: string }
  /** The note changed elsewhere (another page on the same question). */
  | { type: 'note'; id: string; text: string; stamp: NoteStamp }
  /** The note edit with this writer and revision reached storage as this version. */
  | { type: 'saved'; id: string; writer: string; revision: number; version: number }
  /**
   * The note edit with this writer and revision was older than the stored note, which stays (its
   * text and stamp here); `conflict` says the edit's text was kept as a conflict copy.
   */
  | { type: 'kept'; id: string; writer: string; revision: number; text: string; stamp: NoteStamp; conflict: boolean }
  /** A patch did not apply to the stored note (it changed elsewhere): send the whole text. */
  | { type: 'resend'; id: string; writer: string; revision: number }
  /** The note edit with this revision was refused; the message says why. */
  | { type: 'rejected'; id: string; revision: number; message: string }
  /** The question was rated (here or elsewhere): its review state now. */
  | { type: 'review'; id: string; review: ReviewView };

export type PageMessage =
  | { type: 'ready' }
  | { type: 'setDone'; id: string; done: boolean }
  /**
   * The note as typed. `writer` is fresh per page load, `revision` counts its edits, `base` is the
   * stored version the page was last in step with; `restored` marks a draft the page brought back
   * from its saved state rather than typed now. The note comes whole (`text`) or, when long, as a
   * patch to the page's previous send.
   */
  | ({ type: 'editNote'; id: string; writer: string; revision: number; base: number; restored: boolean; bankId?: string } & ({ text: string } | { patch: NotePatch }))
  | { type: 'navigate'; id: string; direction: 'previous' | 'next' }
  | { type: 'openLink'; href: string }
  /** The page shows its notes as Markdown: the extension renders this text (`seq` pairs the reply). */
  | { type: 'previewNote'; id: string; text: string; seq: number }
  /** A `path:line` reference in the previewed notes was clicked: open that file at that line. */
  | { type: 'openRef'; ref: string }
  /** The learner rated their recall of the question: 1 Again, 2 Hard, 3 Good, 4 Easy. */
  | { type: 'rate'; id: string; rating: 1 | 2 | 3 | 4 };

/** What the page keeps with setState, so a reload or a revived page loses nothing. */
export interface PageState {
  bankId: string;
  id: string;
  pageKey?: string;
  /** A note typed but not yet acknowledged as saved, with what the extension needs to judge it. */
  pending?: { id: string; text: string; writer: string; revision: number; base: number; bankId?: string };
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
/** A rating: 1 Again, 2 Hard, 3 Good, 4 Easy. */
export const isRatingValue = (v: unknown): v is 1 | 2 | 3 | 4 => v === 1 || v === 2 || v === 3 || v === 4;

/**
 * Checks a message from the page at run time. Returns the typed message, or a reason it was
 * refused. Ids are checked against the bank by the caller; sizes here are structural only.
 */
export function parsePageMessage(raw: unknown): { ok: true; message: PageMessage } | { ok: false; reason: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'not an object' };
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { ok: true, message: { type: 'ready' } };
    case 'setDone':
      if (!isString(m.id) || typeof m.done !== 'boolean') return { ok: false, reason: 'setDone needs id (string) and done (boolean)' };
      return { ok: true, message: { type: 'setDone', id: m.id, done: m.done } };
    case 'editNote': {
      if (!isString(m.id) || !isCount(m.revision) || !isCount(m.base) || !isString(m.writer) || m.writer.length === 0 || m.writer.length > 100 || typeof m.restored !== 'boolean') {
        return { ok: false, reason: 'editNote needs id (string), writer (1 to 100 characters), revision and base (whole numbers) and restored (boolean)' };
      }
      if (m.bankId !== undefined && !(isString(m.bankId) && m.bankId.length > 0 && m.bankId.length <= 200)) return { ok: false, reason: 'editNote bankId, when given, is 1 to 200 characters' };
      // The bank the note was typed in: a page typing when the bank was switched must not write into the new one.
      const head = { type: 'editNote', id: m.id, writer: m.writer, revision: m.revision, base: m.base, restored: m.restored, ...(isString(m.bankId) ? { bankId: m.bankId } : {}) } as const;
      if (isString(m.text) && m.patch === undefined) return { ok: true, message: { ...head, text: m.text } };
      const p = m.patch as Record<string, unknown> | undefined;
      if (m.text === undefined && typeof p === 'object' && p !== null && isCount(p.from) && isCount(p.at) && isCount(p.remove) && isString(p.insert)) {
        return { ok: true, message: { ...head, patch: { from: p.from, at: p.at, remove: p.remove, insert: p.insert } } };
      }
      return { ok: false, reason: 'editNote needs text (string) or patch ({from, at, remove: whole numbers; insert: string}), not both' };
    }
    case 'navigate':
      if (!isString(m.id) || (m.direction !== 'previous' && m.direction !== 'next')) {
        return { ok: false, reason: 'navigate needs id (string) and direction ("previous" or "next")' };
      }
      return { ok: true, message: { type: 'navigate', id: m.id, direction: m.direction } };
    case 'openLink':
      if (!isString(m.href)) return { ok: false, reason: 'openLink needs href (string)' };
      return { ok: true, message: { type: 'openLink', href: m.href } };
    case 'previewNote':
      if (!isString(m.id) || !isString(m.text) || !isCount(m.seq)) return { ok: false, reason: 'previewNote needs id and text (strings) and seq (a whole number)' };
      return { ok: true, message: { type: 'previewNote', id: m.id, text: m.text, seq: m.seq } };
    case 'openRef':
      if (!isString(m.ref) || m.ref.length > 1000) return { ok: false, reason: 'openRef needs ref (a string of at most 1000 characters)' };
      return { ok: true, message: { type: 'openRef', ref: m.ref } };
    case 'rate':
      if (!isString(m.id) || !isRatingValue(m.rating)) return { ok: false, reason: 'rate needs id (string) and rating (1, 2, 3 or 4)' };
      return { ok: true, message: { type: 'rate', id: m.id, rating: m.rating } };
    default:
      return { ok: false, reason: `unknown message type ${JSON.stringify(String(m.type)).slice(0, 40)}` };
  }
}

/** What the mock interview page shows: one question of the run. */
export interface MockView {
  runId: string;
  /** 0-based index of the question in the run, and how many there are. */
  index: number;
  count: number;
  id: string;
  questionHtml: string;
  text: string;
  detailsHtml: string;
  /** 'answer' while the clock runs; 'rate' once the learner finished or time ran out. */
  phase: 'answer' | 'rate';
  /** When the question was first shown and the time allowed, by the extension's clock, and that clock now. */
  shownAt: number;
  limitMs: number;
  now: number;
  /** Time taken, once answered. */
  takenMs?: number;
  answer: string;
  /** The stored answer's version (edits stored so far). */
  answerRev: number;
  answerMaxChars: number;
  /** Shown in the rate phase: the learner's own earlier notes (kept apart) and the bank's answer. */
  earlierNoteHtml: string;
  answerHtml: string;
  /** What each rating would schedule now, in words. */
  intervals: [string, string, string, string];
}

export type MockExtensionMessage =
  | { type: 'show'; view: MockView }
  /** The answer of that question, `length` characters long, reached storage as version `rev`. */
  | { type: 'saved'; runId: string; index: number; length: number; rev: number }
  /** A restored draft was older than the stored answer, which stays (its text and version here). */
  | { type: 'kept'; runId: string; index: number; text: string; rev: number }
  | { type: 'rejected'; message: string };

export type MockPageMessage =
  | { type: 'ready' }
  /** The answer as typed: `base` is the stored version the page last knew; `restored`: a draft from the page's saved state, not typed now. */
  | { type: 'answer'; runId: string; index: number; text: string; base: number; restored: boolean }
  | { type: 'finish'; runId: string; index: number }
  | { type: 'rate'; runId: string; index: number; rating: 1 | 2 | 3 | 4 };

/** What the mock page keeps with setState: its run, and an answer typed but maybe not yet stored. */
export interface MockPageState {
  runId: string;
  pending?: { index: number; text: string; base: number };
}

export function parseMockMessage(raw: unknown): { ok: true; message: MockPageMessage } | { ok: false; reason: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'not an object' };
  const m = raw as Record<string, unknown>;
  if (m.type === 'ready') return { ok: true, message: { type: 'ready' } };
  if (!isString(m.runId) || m.runId.length === 0 || m.runId.length > 100 || !isCount(m.index)) return { ok: false, reason: `${String(m.type).slice(0, 20)} needs runId (1 to 100 characters) and index (a whole number)` };
  const head = { runId: m.runId, index: m.index };
  switch (m.type) {
    case 'answer':
      if (!isString(m.text) || !isCount(m.base) || typeof m.restored !== 'boolean') return { ok: false, reason: 'answer needs text (string), base (a whole number) and restored (boolean)' };
      return { ok: true, message: { type: 'answer', ...head, text: m.text, base: m.base, restored: m.restored } };
    case 'finish':
      return { ok: true, message: { type: 'finish', ...head } };
    case 'rate':
      if (!isRatingValue(m.rating)) return { ok: false, reason: 'rate needs rating (1, 2, 3 or 4)' };
      return { ok: true, message: { type: 'rate', ...head, rating: m.rating } };
    default:
      return { ok: false, reason: `unknown message type ${JSON.stringify(String(m.type)).slice(0, 40)}` };
  }
}

/** From a report page (a summary, the statistics): the learner clicked a question. */
export type ReportMessage = { type: 'ready' } | { type: 'openQuestion'; id: string };

export function parseReportMessage(raw: unknown): { ok: true; message: ReportMessage } | { ok: false; reason: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'not an object' };
  const m = raw as Record<string, unknown>;
  if (m.type === 'ready') return { ok: true, message: { type: 'ready' } };
  if (m.type !== 'openQuestion') return { ok: false, reason: `unknown message type ${JSON.stringify(String(m.type)).slice(0, 40)}` };
  if (!isString(m.id) || m.id.length === 0 || m.id.length > 200) return { ok: false, reason: 'openQuestion needs id (1 to 200 characters)' };
  return { ok: true, message: { type: 'openQuestion', id: m.id } };
}

/** Only web links leave the editor. */
export function isSafeExternalLink(href: string): boolean {
  try {
    const url = new URL(href);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}
