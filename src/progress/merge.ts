// How a value from the journal or another window meets the stored one, per kind of key: progress
// question by question (progress-record.ts), notes by version stamp (notes.ts), review histories
// by their union (review/record.ts), anything else by the journal's default (the later write
// wins). Pure: no 'vscode'.
import type { Merge } from './journal';
import { parseKey } from '../shared/keys';
import { mergeNote } from './notes';
import { mergeProgress } from './progress-record';
import { mergeReview } from '../review/record';

export const mergeStored: Merge = (key, stored, incoming, at) => {
  const kind = parseKey(key)?.kind;
  if (kind === 'progress') {
    const merged = mergeProgress(stored, incoming);
    return merged ? { write: merged.touched, value: merged.value } : undefined;
  }
  if (kind === 'review') return mergeReview(stored, incoming);
  return mergeNote(key, stored, incoming, at);
};
