// The stored form of a bank's done state: one mark per question with the time it was set, so
// two windows' records merge question by question (the later mark wins) instead of one
// window's whole record replacing the other's. Pure: no 'vscode'.
import { isRecord, migrate, type Step } from './storage';

export const PROGRESS_SCHEMA = 2;

export interface Mark {
  done: boolean;
  /** Milliseconds since the epoch when the learner set it; SEEDED_AT when the bank's markers did. */
  at: number;
}

/**
 * When a mark the bank's markers seeded was set: before anything the learner did, so the
 * statistics count it as done before their first day (never as that day's work), and any change
 * of theirs, in any window, is newer.
 */
export const SEEDED_AT = 0;

/** Stored under `progress/<bankId>`; the journal also carries partial ones (the marks that changed). */
export interface StoredProgress {
  schema: 2;
  marks: Record<string, Mark>;
  /** Milliseconds since the epoch of the last change. */
  updated: number;
}

// No release wrote an older shape (version 2 is the first released): a step goes here when the shape changes.
const PROGRESS_STEPS: Record<number, Step> = {};

export const migrateProgress = (raw: unknown): unknown => migrate(raw, PROGRESS_STEPS, PROGRESS_SCHEMA);

const isMark = (v: unknown): v is Mark => isRecord(v) && typeof v.done === 'boolean' && typeof v.at === 'number' && Number.isFinite(v.at);

/** Reads stored progress, keeping good marks and counting bad ones. */
export function readProgress(raw: unknown): { marks: Record<string, Mark>; ids: Set<string>; bad: number } {
  const value = migrateProgress(raw);
  const marks = Object.create(null) as Record<string, Mark>;
  const ids = new Set<string>();
  if (!isRecord(value) || value.schema !== PROGRESS_SCHEMA || !isRecord(value.marks)) return { marks, ids, bad: 1 };
  let bad = 0;
  for (const [id, m] of Object.entries(value.marks)) {
    if (isMark(m) && id.length > 0 && id.length <= 200) {
      marks[id] = { done: m.done, at: m.at };
      if (m.done) ids.add(id);
    } else bad++;
  }
  return { marks, ids, bad };
}

/** The later mark wins; at the same time, done wins, so every window settles on the same answer. */
export function laterMark(a: Mark | undefined, b: Mark): boolean {
  return !a || b.at > a.at || (b.at === a.at && b.done && !a.done);
}

/**
 * Merges an incoming (possibly partial) record into a stored one, question by question. Returns
 * the merged record and the ids whose done state changed; undefined when the incoming record is
 * unreadable.
 */
export function mergeProgress(
  stored: unknown,
  incoming: unknown,
): { value: StoredProgress; changed: string[]; touched: boolean } | undefined {
  const inc = readProgress(incoming);
  if (inc.bad && Object.keys(inc.marks).length === 0) return undefined;
  const base = readProgress(stored);
  const marks = base.marks;
  const changed: string[] = [];
  let touched = false;
  let updated = isRecord(stored) && typeof stored.updated === 'number' ? stored.updated : 0;
  for (const [id, m] of Object.entries(inc.marks)) {
    if (!laterMark(marks[id], m)) continue;
    if ((marks[id]?.done ?? false) !== m.done) changed.push(id);
    if (marks[id]?.at !== m.at || marks[id]?.done !== m.done) touched = true;
    marks[id] = m;
    updated = Math.max(updated, m.at);
  }
  if (base.bad && isRecord(stored)) touched = true;
  return { value: { schema: PROGRESS_SCHEMA, marks, updated }, changed, touched };
}
