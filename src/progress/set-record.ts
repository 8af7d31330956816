// A bank's study sets as stored (`sets/<bankId>`): named sets of questions the learner flags.
// Each membership is a mark with its moment (in or out), and each set has when it was made and
// when it was deleted, so two windows' copies merge mark by mark, the later winning, and a
// deletion in one window is not undone by the other's older copy. Pure: no 'vscode'.
import { isRecord, SCHEMA } from './storage';

/** A set's name is kept to this many characters (it is shown in the tree's filter and quick picks). */
export const SET_NAME_MAX = 40;
/** A bank keeps up to this many sets. */
export const MAX_SETS = 100;

/** One question's mark in a set: in or out, and when it was set. */
export interface SetMark {
  in: boolean;
  at: number;
}

export interface StoredSet {
  /** When the set was made (or made again after a deletion). */
  made: number;
  /** When it was deleted: marks from before then no longer count. */
  deleted?: number;
  marks: Record<string, SetMark>;
}

export interface StoredSets {
  schema: typeof SCHEMA;
  sets: Record<string, StoredSet>;
}

/** Why a name cannot be a set's; undefined when it can. */
export function refusedSetName(name: string): 'empty' | 'long' | undefined {
  const trimmed = name.trim();
  if (!trimmed) return 'empty';
  if ([...trimmed].length > SET_NAME_MAX) return 'long';
  return undefined;
}

/** A set's name as kept: trimmed, its white space one space each, no control characters. */
export const cleanSetName = (name: string): string =>
  name
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Reads stored sets; undefined when the value has the wrong shape (the caller sets it aside). */
export function readSets(raw: unknown): StoredSets | undefined {
  if (raw === undefined || raw === null) return { schema: SCHEMA, sets: {} };
  if (!isRecord(raw) || raw.schema !== SCHEMA || !isRecord(raw.sets)) return undefined;
  const sets: Record<string, StoredSet> = {};
  for (const [name, set] of Object.entries(raw.sets)) {
    if (refusedSetName(name) || !isRecord(set) || !isTime(set.made) || !isRecord(set.marks)) return undefined;
    if (set.deleted !== undefined && !isTime(set.deleted)) return undefined;
    const marks: Record<string, SetMark> = {};
    for (const [id, mark] of Object.entries(set.marks)) {
      if (!isRecord(mark) || typeof mark.in !== 'boolean' || !isTime(mark.at)) return undefined;
      marks[id] = { in: mark.in, at: mark.at };
    }
    sets[name] = { made: set.made, marks, ...(set.deleted === undefined ? {} : { deleted: set.deleted }) };
  }
  return { schema: SCHEMA, sets };
}

/** A set is there unless it was deleted after it was last made. */
export const isLive = (set: StoredSet): boolean => set.deleted === undefined || set.deleted < set.made;

/** The questions in a set (marks in, and since any deletion). */
export function membersOf(set: StoredSet): string[] {
  const since = set.deleted ?? -1;
  return Object.entries(set.marks)
    .filter(([, m]) => m.in && m.at > since)
    .map(([id]) => id);
}

/** The sets, by name, that are there now, each with its questions. */
export function liveSets(stored: StoredSets): Map<string, Set<string>> {
  const live = new Map<string, Set<string>>();
  for (const name of Object.keys(stored.sets).sort((a, b) => a.localeCompare(b))) {
    const set = stored.sets[name];
    if (isLive(set)) live.set(name, new Set(membersOf(set)));
  }
  return live;
}

/** The sets with a question put in (or taken out of) a set at `now`; the set is made if need be. */
export function withMark(stored: StoredSets, name: string, id: string, inSet: boolean, now: number): StoredSets {
  const set = stored.sets[name];
  const made = set && isLive(set) ? set.made : Math.max(now, (set?.deleted ?? -1) + 1);
  const at = Math.max(now, made, (set?.marks[id]?.at ?? -1) + 1);
  return {
    schema: SCHEMA,
    sets: { ...stored.sets, [name]: { ...set, made, marks: { ...set?.marks, [id]: { in: inSet, at } } } },
  };
}

/** The sets with a new, empty set (or the one of that name, as it is). */
export function withSet(stored: StoredSets, name: string, now: number): StoredSets {
  const set = stored.sets[name];
  if (set && isLive(set)) return stored;
  return {
    schema: SCHEMA,
    sets: { ...stored.sets, [name]: { ...set, marks: set?.marks ?? {}, made: Math.max(now, (set?.deleted ?? -1) + 1) } },
  };
}

/** The sets with one deleted at `now` (its questions stay in the bank, of course). */
export function withoutSet(stored: StoredSets, name: string, now: number): StoredSets {
  const set = stored.sets[name];
  if (!set || !isLive(set)) return stored;
  return { schema: SCHEMA, sets: { ...stored.sets, [name]: { ...set, deleted: Math.max(now, set.made + 1) } } };
}

/**
 * Merges two copies of a bank's sets: per set the later making and deletion, per question the
 * later mark (a tie goes to "in"). The same whichever way round. Undefined when the incoming
 * copy is unreadable (the stored one stays).
 */
export function mergeSets(stored: unknown, incoming: unknown): { write: boolean; value?: StoredSets } | undefined {
  const inc = readSets(incoming);
  if (!inc) return undefined;
  const base = readSets(stored);
  if (!base) return { write: true, value: inc };
  const sets: Record<string, StoredSet> = {};
  for (const name of new Set([...Object.keys(base.sets), ...Object.keys(inc.sets)])) {
    const a = base.sets[name];
    const b = inc.sets[name];
    if (!a || !b) {
      sets[name] = (a ?? b)!;
      continue;
    }
    const marks: Record<string, SetMark> = { ...a.marks };
    for (const [id, m] of Object.entries(b.marks)) {
      const mine = marks[id];
      if (!mine || m.at > mine.at || (m.at === mine.at && m.in && !mine.in)) marks[id] = m;
    }
    const deleted = Math.max(a.deleted ?? -1, b.deleted ?? -1);
    sets[name] = { made: Math.max(a.made, b.made), marks, ...(deleted >= 0 ? { deleted } : {}) };
  }
  const value: StoredSets = { schema: SCHEMA, sets };
  return JSON.stringify(canonical(value)) === JSON.stringify(canonical(base)) ? { write: false } : { write: true, value };
}

/** The sets with names and marks in one order, for comparing two copies. */
function canonical(s: StoredSets): unknown {
  const sortKeys = <T>(o: Record<string, T>) =>
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]] as const);
  return sortKeys(s.sets).map(([name, set]) => [
    name,
    set.made,
    set.deleted ?? null,
    sortKeys(set.marks).map(([id, m]) => [id, m.in, m.at]),
  ]);
}
