// Which questions the tree shows: all, not done, done, or those with notes. Pure: no 'vscode'.

export type Filter = 'all' | 'undone' | 'done' | 'notes';
export const FILTERS: readonly Filter[] = ['all', 'undone', 'done', 'notes'];

export function isFilter(v: unknown): v is Filter {
  return typeof v === 'string' && (FILTERS as readonly string[]).includes(v);
}

/** Whether a question that is (or is not) done, with (or without) a note, passes the filter. */
export function passes(filter: Filter, question: { done: boolean; noted: boolean }): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'undone':
      return !question.done;
    case 'done':
      return question.done;
    case 'notes':
      return question.noted;
  }
}
