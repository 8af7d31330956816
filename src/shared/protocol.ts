// Messages between the extension and its pages, declared once: what the extension sends as
// types, what a page sends as schemas (its types and its run-time checks: a page is untrusted).
import * as v from 'valibot';
import type { NoteStamp } from './note-sync';
import type { QuestionHistory } from '../review/history';

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
  /** The page has a rating to take back (`u`): this question's last, or in a review the one just made. */
  canUndo: boolean;
  /** The question's reviews and mock interview times, folded under the rating bar. */
  history: QuestionHistory;
}

/** Check My Answer's part of the page: a reply streaming, the one kept last, or why there is none. */
export interface FeedbackView {
  state: 'streaming' | 'done' | 'cancelled' | 'failed' | 'unavailable';
  /** The model's reply as HTML, made safe like the notes' Preview (page/render.ts); empty when none came. */
  html: string;
  /** The line above it, in words made by the extension ("Feedback from GPT-4o, 2 min ago", why it failed). */
  status: string;
  /** The rating the reply suggests: the learner may take it (T), it is never applied by itself. */
  rating?: Rating;
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
  /** Check My Answer is on (djangoPrep.ai.enabled): the page shows its button. */
  ai: boolean;
  /** The reply Check My Answer kept last for this question, if any. */
  feedback?: FeedbackView;
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
  /** The note edit with this revision was refused for good (too large); the message says why. */
  | { type: 'rejected'; id: string; revision: number; message: string }
  /**
   * The note edit with this writer and revision could not be saved (storage, its journal or the
   * note's file failed); the page keeps the draft and sends it again (shared/note-sync.ts).
   */
  | { type: 'failed'; id: string; writer: string; revision: number; message: string }
  /** The question was rated (here or elsewhere): its review state now. */
  | { type: 'review'; id: string; review: ReviewView }
  /** Check My Answer on this question: the reply so far, its end, or why there is none. */
  | { type: 'feedback'; id: string; feedback: FeedbackView };

/** What the page keeps with setState, so a reload or a revived page loses nothing. */
export interface PageState {
  bankId: string;
  id: string;
  pageKey?: string;
  /** A note typed but not yet acknowledged as saved, with what the extension needs to judge it. */
  pending?: { id: string; text: string; writer: string; revision: number; base: number; bankId?: string };
}

// The page's messages, declared once as schemas (valibot): their TypeScript types and the run-time
// checks both come from these. Unknown fields are dropped; sizes here are structural only (ids are
// checked against the bank by the caller, notes against their limit by the store).
const count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const rating = v.picklist([1, 2, 3, 4]);
const PatchSchema = v.object({ from: count, at: count, remove: count, insert: v.string() });
const editHead = {
  type: v.literal('editNote'),
  id: v.string(),
  /** Fresh per page load; `revision` counts its edits; `base` is the stored version the page was last in step with. */
  writer: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  revision: count,
  base: count,
  /** A draft the page brought back from its saved state, not typed now. */
  restored: v.boolean(),
  /** The bank the note was typed in: a page typing when the bank was switched must not write into the new one. */
  bankId: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(200))),
};
/** The note as typed: whole (`text`) or, when long, as a patch to the page's previous send; never both. */
export const EditNoteSchema = v.union([
  v.object({ ...editHead, text: v.string(), patch: v.optional(v.undefined()) }),
  v.object({ ...editHead, text: v.optional(v.undefined()), patch: PatchSchema }),
]);

export const PageMessageSchema = v.variant('type', [
  v.object({ type: v.literal('ready') }),
  v.object({ type: v.literal('setDone'), id: v.string(), done: v.boolean() }),
  v.object({ ...editHead, text: v.string(), patch: v.optional(v.undefined()) }),
  v.object({ ...editHead, text: v.optional(v.undefined()), patch: PatchSchema }),
  v.object({ type: v.literal('navigate'), id: v.string(), direction: v.picklist(['previous', 'next']) }),
  v.object({ type: v.literal('openLink'), href: v.string() }),
  /** The page shows its notes as Markdown: the extension renders this text (`seq` pairs the reply). */
  v.object({ type: v.literal('previewNote'), id: v.string(), text: v.string(), seq: count }),
  /** A `path:line` reference in the previewed notes was clicked: open that file at that line. */
  v.object({ type: v.literal('openRef'), ref: v.pipe(v.string(), v.maxLength(1000)) }),
  /** The learner rated their recall of the question: 1 Again, 2 Hard, 3 Good, 4 Easy. */
  v.object({ type: v.literal('rate'), id: v.string(), rating }),
  /** The learner pressed `u`: take back the last rating made on this page. */
  v.object({ type: v.literal('undoRating') }),
  /** Check My Answer: send this question and its stored notes to the learner's chat model. */
  v.object({ type: v.literal('checkAnswer'), id: v.string() }),
  /** Stop the check under way. */
  v.object({ type: v.literal('cancelFeedback') }),
]);
export type PageMessage = v.InferOutput<typeof PageMessageSchema>;
/** True for what claims to be an editNote (checked by EditNoteSchema before use): it goes to the note's half of the protocol. */
export const isEditNoteMessage = (raw: unknown): boolean =>
  typeof raw === 'object' && raw !== null && (raw as { type?: unknown }).type === 'editNote';
/** The request a keystroke makes (shared/note-sync.ts sends it, progress/notes.ts receiver answers it)… */
export type EditNote = v.InferOutput<typeof EditNoteSchema>;
/**
 * …and its replies: saved, kept (the stored note stayed), resend (a patch that no longer applies),
 * rejected (for good), failed (retried).
 */
export type EditNoteReply = Extract<ExtensionMessage, { type: 'saved' | 'kept' | 'resend' | 'rejected' | 'failed' }>;

/** A rating of recall: 1 Again, 2 Hard, 3 Good, 4 Easy (the page's buttons and FSRS's grades). */
export type Rating = v.InferOutput<typeof rating>;
export const isRating = (x: unknown): x is Rating => v.is(rating, x);

/** Why a message was refused, in a line for the log (the first issue, with where it was). */
export function refusal(issues: readonly v.BaseIssue<unknown>[]): string {
  const [first] = issues;
  const where = first.path?.map((p) => String(p.key)).join('.');
  return `${where ? `${where}: ` : ''}${first.message}`.slice(0, 300);
}

/** Checks a message with a schema: the typed message, or why it was refused. */
export function parseWith<S extends v.GenericSchema>(
  schema: S,
  raw: unknown,
): { ok: true; message: v.InferOutput<S> } | { ok: false; reason: string } {
  const result = v.safeParse(schema, raw);
  return result.success ? { ok: true, message: result.output } : { ok: false, reason: refusal(result.issues) };
}

/** Checks a message from the question page at run time: the page is not trusted. */
export const parsePageMessage = (raw: unknown) => parseWith(PageMessageSchema, raw);

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
  | { type: 'rejected'; message: string }
  /** The answer could not be saved (storage or its journal failed): the page keeps it and sends it again. */
  | { type: 'failed'; runId: string; index: number; message: string };

const mockHead = { runId: v.pipe(v.string(), v.minLength(1), v.maxLength(100)), index: count };
export const MockPageMessageSchema = v.variant('type', [
  v.object({ type: v.literal('ready') }),
  /**
   * The answer as typed: `base` is the stored version the page last knew; `restored`: a draft from
   * the page's saved state, not typed now.
   */
  v.object({ type: v.literal('answer'), ...mockHead, text: v.string(), base: count, restored: v.boolean() }),
  v.object({ type: v.literal('finish'), ...mockHead }),
  v.object({ type: v.literal('rate'), ...mockHead, rating }),
]);
export type MockPageMessage = v.InferOutput<typeof MockPageMessageSchema>;

/** What the mock page keeps with setState: its run, and an answer typed but maybe not yet stored. */
export interface MockPageState {
  runId: string;
  pending?: { index: number; text: string; base: number };
}

export const parseMockMessage = (raw: unknown) => parseWith(MockPageMessageSchema, raw);

/** From a report page (a summary, the statistics): it loaded, or the learner clicked a question. */
export const ReportMessageSchema = v.variant('type', [
  v.object({ type: v.literal('ready') }),
  v.object({ type: v.literal('openQuestion'), id: v.pipe(v.string(), v.minLength(1), v.maxLength(200)) }),
  /** The review summary's "Undo last rating". */
  v.object({ type: v.literal('undoRating') }),
]);
export type ReportMessage = v.InferOutput<typeof ReportMessageSchema>;

export const parseReportMessage = (raw: unknown) => parseWith(ReportMessageSchema, raw);

/** Only web links leave the editor. */
export function isSafeExternalLink(href: string): boolean {
  try {
    const url = new URL(href);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}
