// Which questions the tree shows: all, not done, done, those with notes, or those due for review.
// Pure: no 'vscode'.

export type Filter = 'all' | 'undone' | 'done' | 'notes' | 'due';
export const FILTERS: readonly Filter[] = ['all', 'undone', 'done', 'notes', 'due'];

export function isFilter(v: unknown): v is Filter {
  return typeof v === 'string' && (FILTERS as readonly string[]).includes(v);
}

/** Whether a question that is (or is not) done, with (or without) a note, due or not, passes the filter. */
export function passes(filter: Filter, question: { done: boolean; noted: boolean; due: boolean }): boolean {
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
  }
}
