// The question each page of a bank showed last (`shown/<bankId>`): a page revived with a stale
// state or none (VS Code for the browser saves page state on a timer) shows it again. Pure.
import { keys } from '../shared/keys';
import { isRecord, SCHEMA, type Storage } from './storage';

/** How many pages' last questions are remembered. */
const REMEMBERED_PAGES = 32;

/**
 * The question a page showed last: the given page's (by the key it keeps in its state), else
 * any page's. A page revived with a stale state or none (VS Code for the browser saves page
 * state on a timer) shows it again.
 */
export function lastShown(storage: Storage, bankId: string, pageKey?: string): string | undefined {
  const raw = storage.get(keys.shown(bankId));
  if (!isRecord(raw)) return undefined;
  if (pageKey !== undefined) {
    const byPage = isRecord(raw.pages) ? raw.pages[pageKey] : undefined;
    return typeof byPage === 'string' ? byPage : undefined;
  }
  return typeof raw.id === 'string' ? raw.id : undefined;
}

export function setLastShown(storage: Storage, bankId: string, id: string, pageKey?: string): void {
  const raw = storage.get(keys.shown(bankId));
  const pages: Record<string, string> = isRecord(raw) && isRecord(raw.pages) ? (raw.pages as Record<string, string>) : {};
  if (isRecord(raw) && raw.id === id && (pageKey === undefined || pages[pageKey] === id)) return;
  const next: Record<string, string> = {};
  for (const [k, v] of Object.entries(pages)) if (k !== pageKey && typeof v === 'string') next[k] = v;
  if (pageKey !== undefined) next[pageKey] = id;
  // The most recent pages only: a key is insertion-ordered, the oldest go first.
  const order = Object.keys(next);
  for (const k of order.slice(0, Math.max(0, order.length - REMEMBERED_PAGES))) delete next[k];
  void storage.write(keys.shown(bankId), { schema: SCHEMA, id, updated: storage.now(), pages: next });
}
