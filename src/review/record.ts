// The stored form of a question's review state: `review/<bankId>/<questionId>` holds the FSRS card
// and every review of it. Two windows' records merge by their histories (the union of reviews,
// replayed when each side has one the other lacks), so no rating is lost. Pure: no 'vscode'.
import { isRecord, migrate, type Step } from '../progress/storage';
import { parseKey } from '../shared/keys';
import { isRating, newCard, replay, type CardState, type LogEntry, type Rating, type StoredCard } from './fsrs';

export const REVIEW_SCHEMA = 1;
/** A history is kept up to this many reviews (the oldest go first): years of daily reviews. */
export const MAX_LOG = 1000;

export interface StoredReview {
  schema: 1;
  card: StoredCard;
  /** Oldest first. */
  log: LogEntry[];
  /** Milliseconds since the epoch of the last review (or of the last undo). */
  updated: number;
  /** The card as it was before the last review, so undoing it restores it exactly. */
  before?: StoredCard;
  /**
   * Reviews taken back (undone): a merge leaves them out, so another window's copy that still
   * holds one cannot bring it back. The newest MAX_UNDONE are kept.
   */
  undone?: Undone[];
}

/** A review taken back: which (its moment and rating) and when it was taken back. */
export interface Undone {
  at: number;
  r: Rating;
  /** When it was undone. */
  when: number;
}

/** Reviews taken back are remembered up to this many (the oldest forgotten first). */
export const MAX_UNDONE = 100;

/** Splits `review/<bankId>/<id>`. */
export function parseReviewKey(key: string): { bankId: string; id: string } | undefined {
  const k = parseKey(key);
  return k?.kind === 'review' && k.rest ? { bankId: k.bankId, id: k.rest } : undefined;
}

// No older shapes yet: version 1 is the first. A step goes here when the shape changes.
const REVIEW_STEPS: Record<number, Step> = {};

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isState = (v: unknown): v is CardState => v === 0 || v === 1 || v === 2 || v === 3;

function readCard(v: unknown): StoredCard | undefined {
  if (!isRecord(v)) return undefined;
  const { due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state, last_review } = v;
  if (!isTime(due) || !isNumber(stability) || !isNumber(difficulty) || !isNumber(elapsed_days) || !isNumber(scheduled_days))
    return undefined;
  if (!isNumber(learning_steps) || !isNumber(reps) || !isNumber(lapses) || !isState(state)) return undefined;
  if (last_review !== undefined && !isTime(last_review)) return undefined;
  const card: StoredCard = { due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state };
  if (last_review !== undefined) card.last_review = last_review;
  return card;
}

function readLog(v: unknown): LogEntry[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const log: LogEntry[] = [];
  for (const e of v) {
    if (!isRecord(e) || !isRating(e.r) || !isTime(e.at) || !isState(e.s)) return undefined;
    if (e.m !== undefined && !(Number.isSafeInteger(e.m) && (e.m as number) >= 1)) return undefined;
    log.push(e.m === undefined ? { r: e.r, at: e.at, s: e.s } : { r: e.r, at: e.at, s: e.s, m: e.m as number });
  }
  return log.sort((a, b) => a.at - b.at);
}

/**
 * Reads a stored review. `repaired`: the card was unreadable and was rebuilt from the history;
 * undefined: nothing usable (the caller sets the value aside).
 */
export function readReview(raw: unknown): { review: StoredReview; repaired: boolean } | undefined {
  const value = migrate(raw, REVIEW_STEPS, REVIEW_SCHEMA);
  if (!isRecord(value) || value.schema !== REVIEW_SCHEMA) return undefined;
  const log = readLog(value.log);
  if (!log) return undefined;
  let card = readCard(value.card);
  let repaired = false;
  if (!card) {
    card = replay(log);
    repaired = true;
    if (!card) return undefined;
  }
  const updated = isTime(value.updated) ? value.updated : (log.at(-1)?.at ?? 0);
  const review: StoredReview = { schema: REVIEW_SCHEMA, card, log, updated };
  // A hand-edited `before` or `undone` of the wrong shape is dropped: the history stands without it.
  const before = value.before === undefined ? undefined : readCard(value.before);
  if (before && log.length) review.before = before;
  const undone = readUndone(value.undone);
  if (undone?.length) review.undone = undone;
  return { review, repaired };
}

function readUndone(v: unknown): Undone[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const undone: Undone[] = [];
  for (const e of v) if (isRecord(e) && isTime(e.at) && isRating(e.r) && isTime(e.when)) undone.push({ at: e.at, r: e.r, when: e.when });
  return undone.slice(-MAX_UNDONE);
}

const sameEntry = (a: { at: number; r: Rating }, b: { at: number; r: Rating }) => a.at === b.at && a.r === b.r;

/** The record after one more review: the new card and the history with it. */
export function withReview(previous: StoredReview | undefined, card: StoredCard, entry: LogEntry): StoredReview {
  const log = [...(previous?.log ?? []), entry].slice(-MAX_LOG);
  const review: StoredReview = { schema: REVIEW_SCHEMA, card, log, updated: entry.at };
  if (previous?.log.length) review.before = previous.card;
  if (previous?.undone?.length) review.undone = previous.undone;
  return review;
}

/**
 * The record with its last review taken back at `now`: the card as it was before it (exactly,
 * when the record kept it; else replayed from the reviews before), and the review remembered as
 * undone. A record whose every review was undone has an empty history: the question counts as
 * never reviewed. Undefined when there is nothing to undo.
 */
export function withoutLastReview(review: StoredReview, now: number): StoredReview | undefined {
  const last = review.log.at(-1);
  if (!last) return undefined;
  const log = review.log.slice(0, -1);
  const card = review.before ?? replay(log) ?? newCard(last.at);
  const undone = [...(review.undone ?? []), { at: last.at, r: last.r, when: now }].slice(-MAX_UNDONE);
  return { schema: REVIEW_SCHEMA, card, log, updated: Math.max(review.updated, now), undone };
}

/**
 * Merges an incoming record into the stored one: the union of their reviews, less every review
 * either side undid. When one side holds exactly that, it wins as it is; otherwise the card is
 * replayed from the result. Undefined when the incoming record is unreadable (the stored one stays).
 */
export function mergeReview(stored: unknown, incoming: unknown): { write: boolean; value?: StoredReview } | undefined {
  const inc = readReview(incoming)?.review;
  if (!inc) return undefined;
  const base = readReview(stored)?.review;
  if (!base) return { write: true, value: inc };
  const undone = [...(base.undone ?? [])];
  for (const u of inc.undone ?? []) if (!undone.some((b) => sameEntry(b, u))) undone.push(u);
  undone.sort((a, b) => a.when - b.when).splice(0, Math.max(0, undone.length - MAX_UNDONE));
  const kept = (e: LogEntry) => !undone.some((u) => sameEntry(u, e));
  const log = [...base.log.filter(kept)];
  for (const e of inc.log) if (kept(e) && !log.some((b) => sameEntry(b, e))) log.push(e);
  log.sort((a, b) => a.at - b.at);
  const holds = (side: StoredReview) =>
    side.log.length === log.length && side.log.every((e, i) => sameEntry(e, log[i])) && (side.undone?.length ?? 0) === undone.length;
  if (holds(base)) return { write: false };
  if (holds(inc)) return { write: true, value: inc };
  const trimmed = log.slice(-MAX_LOG);
  // Each side's card still stands where its history is the result's.
  const sameLog = (side: StoredReview) => side.log.length === trimmed.length && side.log.every((e, i) => sameEntry(e, trimmed[i]));
  const from = sameLog(base) ? base : sameLog(inc) ? inc : undefined;
  const value: StoredReview = {
    schema: REVIEW_SCHEMA,
    card: from?.card ?? replay(trimmed) ?? newCard(0),
    log: trimmed,
    updated: Math.max(base.updated, inc.updated),
  };
  if (from?.before && trimmed.length) value.before = from.before;
  if (undone.length) value.undone = undone;
  return { write: true, value };
}
