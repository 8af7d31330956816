// Backups of a bank's progress, notes, conflict copies, review histories and mock interviews: one JSON file a
// learner can keep or move to another machine, and merge back in by the rules two windows already follow (ticks
// question by question, the later wins; notes by version, the losing text kept as a conflict
// copy when it holds something the winner lacks; conflict copies added, never replaced).
// Pure: no 'vscode'.
import * as l10n from '@vscode/l10n';
import { isStudyKey, keys, parseKey } from '../shared/keys';
import { mergeStored } from './merge';
import { PROGRESS_SCHEMA } from './progress-record';
import { isRecord, SCHEMA } from './storage';
import { REVIEW_SCHEMA } from '../review/record';

export const BACKUP_FORMAT = 'django-interview-prep-backup';
/** The backup file's own version; a newer one is refused. */
export const BACKUP_SCHEMA = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  schema: number;
  bankId: string;
  bankTitle: string;
  exportedAt: string;
  /** Stored values by key, as workspace storage holds them (`progress/…`, `note/…`, `conflict/…`). */
  entries: Record<string, unknown>;
}

/**
 * A bank's keys: its progress and study sets' keys, then the prefixes of its notes, conflict
 * copies, review histories, mock runs and feedback.
 */
const keysOf = (bankId: string) =>
  (['progress', 'sets', 'note', 'conflict', 'review', 'mock', 'feedback'] as const).map((kind) => keys.prefix(kind, bankId));

/** The same kind of key in another bank (`from` and `to` from keysOf); undefined for a key of none of those kinds. */
function sameKeyIn(key: string, from: string[], to: string[]): string | undefined {
  if (key === from[0]) return to[0];
  if (key === from[1]) return to[1];
  const kind = from.findIndex((prefix, i) => i > 1 && key.startsWith(prefix));
  return kind < 0 ? undefined : to[kind] + key.slice(from[kind].length);
}

export function makeBackup(
  storage: { get(key: string): unknown; keys(): readonly string[] },
  bankId: string,
  bankTitle: string,
  now: Date,
): Backup {
  const [progress, sets, ...prefixes] = keysOf(bankId);
  const entries: Record<string, unknown> = {};
  for (const key of storage.keys()) {
    if (key === progress || key === sets || prefixes.some((p) => key.startsWith(p))) entries[key] = storage.get(key);
  }
  return { format: BACKUP_FORMAT, schema: BACKUP_SCHEMA, bankId, bankTitle, exportedAt: now.toISOString(), entries };
}

/** Reads a backup file's text, or says plainly why it cannot be used. */
export function readBackup(text: string): { ok: true; backup: Backup } | { ok: false; message: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, message: l10n.t('the file is not JSON') };
  }
  if (!isRecord(raw) || raw.format !== BACKUP_FORMAT || typeof raw.bankId !== 'string' || !isRecord(raw.entries)) {
    return { ok: false, message: l10n.t('the file is not a backup of this extension') };
  }
  if (typeof raw.schema !== 'number' || raw.schema > BACKUP_SCHEMA) {
    return {
      ok: false,
      message: l10n.t(
        'the backup was made by a newer version of the extension (backup version {0}); update the extension to restore it',
        String(raw.schema),
      ),
    };
  }
  for (const [key, value] of Object.entries(raw.entries)) {
    const kind = parseKey(key)?.kind;
    const newest = kind === 'progress' ? PROGRESS_SCHEMA : kind === 'review' ? REVIEW_SCHEMA : SCHEMA;
    if (isRecord(value) && typeof value.schema === 'number' && value.schema > newest) {
      return {
        ok: false,
        message: l10n.t('the backup holds data from a newer version of the extension ({0}); update the extension to restore it', key),
      };
    }
  }
  return { ok: true, backup: raw as unknown as Backup };
}

export interface Restore {
  /** What to write, merged with what is stored. */
  writes: Array<[string, unknown]>;
  notes: number;
  progress: boolean;
  /** The backup added to the bank's study sets. */
  sets: boolean;
  /** Questions whose review history the backup added to. */
  reviews: number;
  /** Notes whose stored text lost to the backup's, or the backup's to the stored, kept as conflict copies. */
  conflicts: number;
}

/** Merges a backup into the stored values of a bank (the bank shown now, whatever bank the backup was made from). */
export function restoreBackup(storage: { get(key: string): unknown }, backup: Backup, intoBank: string, now: number): Restore {
  const from = keysOf(backup.bankId);
  const to = keysOf(intoBank);
  const [toProgress, toSets, toNotes, , toReviews] = to;
  const result: Restore = { writes: [], notes: 0, progress: false, sets: false, conflicts: 0, reviews: 0 };
  for (const [key, value] of Object.entries(backup.entries)) {
    const target = sameKeyIn(key, from, to);
    if (!target) continue;
    const { write, copies } = mergeEntry(storage, target, value, now);
    if (write) result.writes.push(write);
    if (write && target === toProgress) result.progress = true;
    else if (write && target === toSets) result.sets = true;
    else if (write && target.startsWith(toNotes)) result.notes++;
    else if (write && target.startsWith(toReviews)) result.reviews++;
    result.writes.push(...copies);
    result.conflicts += copies.length;
  }
  return result;
}

/**
 * What to write so that `to` holds everything `from` does (notes and progress merged by their
 * rules, copies and the rest added where missing): for moving the notes to another location.
 * Nothing in `to` is deleted or replaced by something older.
 */
export function mergeStores(
  from: { get(key: string): unknown; keys(): readonly string[] },
  to: { get(key: string): unknown },
  now: number,
): Array<[string, unknown]> {
  const writes: Array<[string, unknown]> = [];
  for (const key of from.keys()) {
    if (!isStudyKey(key)) continue;
    const { write, copies } = mergeEntry(to, key, from.get(key), now);
    if (write) writes.push(write);
    writes.push(...copies);
  }
  return writes;
}

/**
 * One stored value meeting what is stored under its key: progress and notes merged by their rules
 * (mergeStored, as the journal does), with the conflict copy a note merge keeps if it is new;
 * anything else (a conflict copy, a page's last question) added only where nothing is stored.
 */
function mergeEntry(
  to: { get(key: string): unknown },
  key: string,
  value: unknown,
  now: number,
): { write?: [string, unknown]; copies: Array<[string, unknown]> } {
  const kind = parseKey(key)?.kind;
  if (kind !== 'progress' && kind !== 'note' && kind !== 'review' && kind !== 'sets' && kind !== 'feedback')
    return { write: to.get(key) === undefined ? [key, value] : undefined, copies: [] };
  const merged = mergeStored(key, to.get(key), value, now);
  return {
    write: merged?.write ? [key, merged.value] : undefined,
    copies: (merged?.also ?? []).filter(([copyKey]) => to.get(copyKey) === undefined),
  };
}
