// The stored note: its shape, how it is read (a value of the wrong shape is undefined, and set
// aside by the caller), its stamp, its key, and the limits every note is held to. Pure: no 'vscode'.
import * as l10n from '@vscode/l10n';
import { UNVERSIONED, type NoteStamp } from '../shared/note-sync';
import { isRecord, migrate, SCHEMA, type Step } from './storage';
import { parseKey } from '../shared/keys';

/** Largest note kept, in UTF-16 code units (JavaScript string length): 2 MiB of text. */
export const NOTE_MAX_CHARS = 2 * 1024 * 1024;

/** Stored under `note/<bankId>/<questionId>`. An emptied note keeps its entry, with its stamp. */
export interface StoredNote {
  schema: 1;
  text: string;
  /** Milliseconds since the epoch of the last save (for people; order comes from the stamp). */
  updated: number;
  version?: number;
  writer?: string;
  revision?: number;
  /** Writers of the versions before this one (the last few), so a merge can tell an earlier state from a parallel one. */
  seen?: string[];
}

/** Stored under `conflict/<bankId>/<time>-<n>`: a copy of a note that lost to a newer one. */
export interface StoredConflict {
  schema: 1;
  id: string;
  text: string;
  updated: number;
  reason: string;
}

export interface NoteRecord {
  text: string;
  stamp: NoteStamp;
  /** When it was written (milliseconds since the epoch); 0 when there is none. */
  updated?: number;
}

export interface ConflictCopy extends Omit<StoredConflict, 'schema'> {
  key: string;
  bankId: string;
}

export interface NoteChange {
  bankId: string;
  id: string;
  text: string;
  stamp: NoteStamp;
  /** Who wrote it, so a page does not echo its own edit back into itself. */
  origin?: unknown;
}

/** What became of an edit: it is the note now, or the stored note stayed. Either may have kept a conflict copy. */
export type NoteOutcome =
  { kind: 'saved'; stamp: NoteStamp; conflict?: ConflictCopy } | { kind: 'kept'; text: string; stamp: NoteStamp; conflict?: ConflictCopy };

/** How many earlier writers a note remembers. */
export const SEEN_WRITERS = 8;

/** The bank and question of a `note/<bankId>/<questionId>` key (a question id may hold '/'). */
export function parseNoteKey(key: string): { bankId: string; id: string } | undefined {
  const k = parseKey(key);
  return k?.kind === 'note' && k.rest ? { bankId: k.bankId, id: k.rest } : undefined;
}
/** The origin of a note written elsewhere (another window, or its file): pages take it like another page's edit. */
export const ELSEWHERE = Symbol('elsewhere');

const NOTE_STEPS: Record<number, Step> = {};
export const migrateNote = (raw: unknown): unknown => migrate(raw, NOTE_STEPS);

const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

export function readNote(raw: unknown): StoredNote | undefined {
  const value = migrateNote(raw);
  if (!isRecord(value) || value.schema !== SCHEMA || typeof value.text !== 'string') return undefined;
  const note: StoredNote = { schema: SCHEMA, text: value.text, updated: typeof value.updated === 'number' ? value.updated : 0 };
  if (isCount(value.version) && typeof value.writer === 'string' && isCount(value.revision)) {
    Object.assign(note, { version: value.version, writer: value.writer, revision: value.revision });
    if (Array.isArray(value.seen) && value.seen.every((w) => typeof w === 'string')) note.seen = value.seen as string[];
  }
  return note;
}

export function stampOf(note: StoredNote | undefined): NoteStamp {
  if (!note || note.version === undefined) return UNVERSIONED;
  return { version: note.version, writer: note.writer ?? '', revision: note.revision ?? 0 };
}

/** A note refused for good (not text, or too large): never retried. */
export class RejectedNote extends Error {}

export function checkNoteSize(text: unknown): RejectedNote | undefined {
  if (typeof text !== 'string') return new RejectedNote(l10n.t('a note must be text'));
  if (text.length > NOTE_MAX_CHARS)
    return new RejectedNote(l10n.t('note is too large ({0} characters; the limit is {1})', text.length, NOTE_MAX_CHARS));
  return undefined;
}
