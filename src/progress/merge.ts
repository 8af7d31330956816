// How a value from the journal or another window meets the stored one, per kind of key: progress
// question by question (progress-record.ts), notes by version stamp (mergeNote, below), review
// histories by their union (review/record.ts), a question's feedback by its union (feedback.ts),
// study sets mark by mark (set-record.ts), anything else by the journal's default (the later
// write wins). Pure: no 'vscode'.
import type { Merge } from './journal';
import { parseKey } from '../shared/keys';
import * as l10n from '@vscode/l10n';
import { parseNoteKey, readNote, stampOf, type StoredNote, type StoredConflict } from './note-record';
import { holdsTextTheOtherLacks, type NoteStamp } from '../shared/note-sync';
import { SCHEMA } from './storage';
import { keys } from '../shared/keys';
import { mergeProgress } from './progress-record';
import { mergeReview } from '../review/record';
import { mergeSets } from './set-record';
import { mergeFeedback } from './feedback';

export const mergeStored: Merge = (key, stored, incoming, at) => {
  const kind = parseKey(key)?.kind;
  if (kind === 'progress') {
    const merged = mergeProgress(stored, incoming);
    return merged ? { write: merged.touched, value: merged.value } : undefined;
  }
  if (kind === 'review') return mergeReview(stored, incoming);
  if (kind === 'sets') return mergeSets(stored, incoming);
  if (kind === 'feedback') return mergeFeedback(stored, incoming);
  return mergeNote(key, stored, incoming, at);
};

/** Orders two copies of a note: higher version, then writer id, then revision. Every window orders them alike. */
function compareStamps(a: NoteStamp, b: NoteStamp): number {
  return a.version - b.version || (a.writer < b.writer ? -1 : a.writer > b.writer ? 1 : 0) || a.revision - b.revision;
}

/** True when `earlier` is a state the note passed through on its way to `later` (same or a remembered writer). */
function isEarlierState(earlier: StoredNote, later: StoredNote): boolean {
  const e = stampOf(earlier);
  const l = stampOf(later);
  if (e.version >= l.version) return false;
  return e.writer === '' || e.writer === l.writer || (later.seen ?? []).includes(e.writer);
}

/**
 * Merges a copy of a note from the journal or another window into the stored one. The higher
 * version wins (ties broken by writer id, so every window settles on the same copy). The loser
 * is kept as a conflict copy when it was made in parallel (not an earlier state of the winner)
 * and holds text the winner lacks. Undefined: not a note, or not a versioned one.
 */
export function mergeNote(
  key: string,
  stored: unknown,
  incoming: unknown,
  now: number,
): { write: boolean; value?: unknown; also?: Array<[string, unknown]> } | undefined {
  if (parseKey(key)?.kind !== 'note') return undefined;
  const j = readNote(incoming);
  if (!j || j.version === undefined) return undefined;
  const s = readNote(stored);
  if (!s) return { write: true, value: incoming };
  const order = compareStamps(stampOf(j), stampOf(s));
  if (order === 0) return { write: false };
  const [winner, loser] = order > 0 ? [j, s] : [s, j];
  const write = order > 0;
  if (winner.text === loser.text || isEarlierState(loser, winner) || !holdsTextTheOtherLacks(loser.text, winner.text)) {
    return { write, value: incoming };
  }
  const parsed = parseNoteKey(key);
  if (!parsed) return { write, value: incoming };
  const { bankId, id } = parsed;
  const ls = stampOf(loser);
  const copy: StoredConflict = {
    schema: SCHEMA,
    id,
    text: loser.text,
    updated: now,
    reason: l10n.t('saved in parallel in another window or before a reload'),
  };
  // Named by the losing copy's stamp: the same disagreement found again is one copy.
  return { write, value: incoming, also: [[keys.conflict(bankId, `merge-${ls.version}-${ls.writer}-${ls.revision}`), copy]] };
}
