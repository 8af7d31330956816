// The stored form of a question's review state: `review/<bankId>/<questionId>` holds the FSRS card
// and every review of it. Two windows' records merge by their histories (the union of reviews,
// replayed when each side has one the other lacks), so no rating is lost. Pure: no 'vscode'.
import { isRecord, migrate, type Step } from '../progress/storage';
import { parseKey } from '../shared/keys';
import { isRating, replay, type CardState, type LogEntry, type StoredCard } from './fsrs';

export const REVIEW_SCHEMA = 1;
/** A history is kept up to this many reviews (the oldest go first): years of daily reviews. */
export const MAX_LOG = 1000;

export interface StoredReview {
  schema: 1;
  card: StoredCard;
  /** Oldest first. */
  log: LogEntry[];
  /** Milliseconds since the epoch of the last review. */
  updated: number;
}

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
  return { review: { schema: REVIEW_SCHEMA, card, log, updated }, repaired };
}

const sameEntry = (a: LogEntry, b: LogEntry) => a.at === b.at && a.r === b.r;

/** The record after one more review: the new card and the history with it. */
export function withReview(previous: StoredReview | undefined, card: StoredCard, entry: LogEntry): StoredReview {
  const log = [...(previous?.log ?? []), entry].slice(-MAX_LOG);
  return { schema: REVIEW_SCHEMA, card, log, updated: entry.at };
}

/**
 * Merges an incoming record into the stored one: the union of their reviews. When one holds every
 * review of the other, it wins as it is; otherwise the card is replayed from the union. Undefined
 * when the incoming record is unreadable (the stored one stays).
 */
export function mergeReview(stored: unknown, incoming: unknown): { write: boolean; value?: StoredReview } | undefined {
  const inc = readReview(incoming)?.review;
  if (!inc) return undefined;
  const base = readReview(stored)?.review;
  if (!base) return { write: true, value: inc };
  const missingFromBase = inc.log.filter((e) => !base.log.some((b) => sameEntry(b, e)));
  if (!missingFromBase.length) return { write: false };
  const missingFromInc = base.log.some((b) => !inc.log.some((e) => sameEntry(b, e)));
  if (!missingFromInc) return { write: true, value: inc };
  const log = [...base.log, ...missingFromBase].sort((a, b) => a.at - b.at).slice(-MAX_LOG);
  const card = replay(log)!;
  return { write: true, value: { schema: REVIEW_SCHEMA, card, log, updated: Math.max(base.updated, inc.updated) } };
}
