// Which questions the tree shows: all, not done, done, or those with notes. Pure: no 'vscode'.
import type { Study } from '../progress/study';

export type Filter = 'all' | 'undone' | 'done' | 'notes';
export const FILTERS: readonly Filter[] = ['all', 'undone', 'done', 'notes'];

export function isFilter(v: unknown): v is Filter {
  return typeof v === 'string' && (FILTERS as readonly string[]).includes(v);
}

export function passes(study: Study, id: string, filter: Filter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'undone':
      return !study.isDone(id);
    case 'done':
      return study.isDone(id);
    case 'notes':
      return study.hasNote(id);
  }
}
