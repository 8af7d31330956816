// Which questions the tree shows: all, not done, done, those with notes, those due for review, or
// those of one study set (`set:<name>`). Pure: no 'vscode'.
import { refusedSetName } from '../progress/set-record';

export type Filter = 'all' | 'undone' | 'done' | 'notes' | 'due' | `set:${string}`;
/** The filters every bank has (a bank's study sets add one each). */
export const FILTERS: readonly Filter[] = ['all', 'undone', 'done', 'notes', 'due'];

export function isFilter(v: unknown): v is Filter {
  if (typeof v !== 'string') return false;
  if (v.startsWith('set:')) return !refusedSetName(v.slice(4));
  return (FILTERS as readonly string[]).includes(v);
}

/** The filter of a study set. */
export const setFilter = (name: string): Filter => `set:${name}`;

/** The study set a filter shows, if it is a set's. */
export const setOf = (filter: Filter): string | undefined => (filter.startsWith('set:') ? filter.slice(4) : undefined);

/** Whether a question that is (or is not) done, with (or without) a note, due or not, in a set or not, passes the filter. */
export function passes(filter: Filter, question: { done: boolean; noted: boolean; due: boolean; inSet(name: string): boolean }): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'undone':
      return !question.done;
    case 'done':
      return question.done;
    case 'notes':
      return question.noted;
    case 'due':
      return question.due;
    default:
      return question.inSet(filter.slice(4));
  }
}
