// Conflict copies (`conflict/<bankId>/…`): copies of a note that lost to a newer one, kept because
// they held text the newer lacks; read and listed here, kept by NoteStore (notes.ts). Pure.
import { keys } from '../shared/keys';
import { isRecord, SCHEMA, type Storage } from './storage';
import type { ConflictCopy } from './note-record';

export function readConflict(bankId: string, key: string, raw: unknown): ConflictCopy | undefined {
  if (!isRecord(raw) || raw.schema !== SCHEMA || typeof raw.id !== 'string' || typeof raw.text !== 'string') return undefined;
  return {
    key,
    bankId,
    id: raw.id,
    text: raw.text,
    updated: typeof raw.updated === 'number' ? raw.updated : 0,
    reason: typeof raw.reason === 'string' ? raw.reason : '',
  };
}

/** The conflict copies of a bank, oldest first. */
export function conflictsOf(storage: Storage, bankId: string): ConflictCopy[] {
  const prefix = keys.prefix('conflict', bankId);
  const copies: ConflictCopy[] = [];
  for (const key of storage.keys()) {
    if (!key.startsWith(prefix)) continue;
    const copy = readConflict(bankId, key, storage.get(key));
    if (copy) copies.push(copy);
  }
  return copies.sort((a, b) => a.updated - b.updated || a.key.localeCompare(b.key));
}
