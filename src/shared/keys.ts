// Every key of the stored data, in one table: what builds each key, and what reads one back.
// Bank ids hold no '/' (bank/source.ts); a question id may. Pure.

/** The kinds of stored value, each under its own prefix. */
export const KEY_PREFIXES = ['progress', 'note', 'conflict', 'shown', 'review', 'mock', 'plan', 'sets', 'feedback', 'aside'] as const;
export type KeyKind = (typeof KEY_PREFIXES)[number];

export const keys = {
  /** A bank's done state: a mark per question. */
  progress: (bankId: string) => `progress/${bankId}`,
  /** A question's answer note. */
  note: (bankId: string, id: string) => `note/${bankId}/${id}`,
  /** A copy of a note that lost to a newer one (`name`: when, and by whom). */
  conflict: (bankId: string, name: string) => `conflict/${bankId}/${name}`,
  /** The question each page of a bank showed last. */
  shown: (bankId: string) => `shown/${bankId}`,
  /** A question's FSRS card and review history. */
  review: (bankId: string, id: string) => `review/${bankId}/${id}`,
  /** A bank's study plan: the interview date. */
  plan: (bankId: string) => `plan/${bankId}`,
  /** A bank's study sets: named sets of questions. */
  sets: (bankId: string) => `sets/${bankId}`,
  /** The replies Check My Answer kept for a question. */
  feedback: (bankId: string, id: string) => `feedback/${bankId}/${id}`,
  /** One mock interview run. */
  mock: (bankId: string, runId: string) => `mock/${bankId}/${runId}`,
  /** A stored value of the wrong shape, kept aside (never deleted) at a moment. */
  aside: (now: number, key: string) => `aside/${now}/${key}`,
  /** The prefix of a kind's keys for one bank (a kind of one key per bank: the key itself). */
  prefix: (kind: Exclude<KeyKind, 'aside'>, bankId: string) => (isBankKey(kind) ? `${kind}/${bankId}` : `${kind}/${bankId}/`),
};

/** The kinds with one key per bank (the others have a key per question or run). */
const isBankKey = (kind: KeyKind) => kind === 'progress' || kind === 'shown' || kind === 'plan' || kind === 'sets';

/** What a key names: its kind, its bank and (for notes, conflict copies, reviews, runs) the rest. */
export function parseKey(key: string): { kind: KeyKind; bankId: string; rest?: string } | undefined {
  const slash = key.indexOf('/');
  const kind = key.slice(0, slash) as KeyKind;
  if (slash < 0 || !KEY_PREFIXES.includes(kind)) return undefined;
  const tail = key.slice(slash + 1);
  if (isBankKey(kind)) return tail && !tail.includes('/') ? { kind, bankId: tail } : undefined;
  const next = tail.indexOf('/');
  if (next <= 0 || next === tail.length - 1) return undefined;
  return { kind, bankId: tail.slice(0, next), rest: tail.slice(next + 1) };
}

/** A key of the study's own data (everything but values set aside): what a backup, a location copy and Settings Sync carry. */
export const isStudyKey = (key: string): boolean => {
  const kind = parseKey(key)?.kind;
  return kind !== undefined && kind !== 'aside';
};
