// Answer notes. Each is stored with a version stamp (shared/note-version.ts), so a copy that
// arrives late (a draft a revived page restored, a second page, the journal) never replaces a
// newer one; a copy that loses but holds text the winner lacks is kept as a conflict copy, listed
// beside the orphaned notes. Pure: no 'vscode'.
import { Emitter, type Event } from '../util/emitter';
import { applyPatch, holdsTextTheOtherLacks, judgeEdit, UNVERSIONED, type NoteEdit, type NotePatch, type NoteStamp } from '../shared/note-version';
import { isRecord, migrate, SCHEMA, type Step, type Storage } from './storage';

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
  | { kind: 'saved'; stamp: NoteStamp; conflict?: ConflictCopy }
  | { kind: 'kept'; text: string; stamp: NoteStamp; conflict?: ConflictCopy };

export const noteKey = (bankId: string, id: string) => `note/${bankId}/${id}`;
const conflictPrefix = (bankId: string) => `conflict/${bankId}/`;
const shownKey = (bankId: string) => `shown/${bankId}`;

const NOTE_STEPS: Record<number, Step> = {};
export const migrateNote = (raw: unknown): unknown => migrate(raw, NOTE_STEPS);

const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

export function readNote(raw: unknown): StoredNote | undefined {
  const value = migrateNote(raw);
  if (!isRecord(value) || value.schema !== SCHEMA || typeof value.text !== 'string') return undefined;
  const note: StoredNote = { schema: SCHEMA, text: value.text, updated: typeof value.updated === 'number' ? value.updated : 0 };
  if (isCount(value.version) && typeof value.writer === 'string' && isCount(value.revision)) {
    Object.assign(note, { version: value.version, writer: value.writer, revision: value.revision });
  }
  return note;
}

export function stampOf(note: StoredNote | undefined): NoteStamp {
  if (!note || note.version === undefined) return UNVERSIONED;
  return { version: note.version, writer: note.writer ?? '', revision: note.revision ?? 0 };
}

function readConflict(bankId: string, key: string, raw: unknown): ConflictCopy | undefined {
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

export function checkNoteSize(text: unknown): Error | undefined {
  if (typeof text !== 'string') return new Error('a note must be text');
  if (text.length > NOTE_MAX_CHARS) return new Error(`note is too large (${text.length} characters; the limit is ${NOTE_MAX_CHARS})`);
  return undefined;
}

export class NoteStore {
  private readonly _onDidChangeNote = new Emitter<NoteChange>();
  readonly onDidChangeNote: Event<NoteChange> = this._onDidChangeNote.event;
  private readonly _onDidKeepConflict = new Emitter<ConflictCopy>();
  /** A losing copy was kept: the learner should hear of it once. */
  readonly onDidKeepConflict: Event<ConflictCopy> = this._onDidKeepConflict.event;
  /** This extension host's own writer id, for writes that are not a page's edits (commands, restores). */
  private readonly writer = `ext-${Math.random().toString(36).slice(2, 10)}`;
  private revision = 0;
  private seq = 0;

  constructor(private readonly storage: Storage) {}

  get(bankId: string, id: string): NoteRecord {
    const key = noteKey(bankId, id);
    const raw = this.storage.get(key);
    if (raw === undefined) return { text: '', stamp: UNVERSIONED };
    const note = readNote(raw);
    if (note === undefined) {
      // Read again before the removal below lands (a page asks twice), it is still one problem.
      if (!this.storage.wasSetAside(key)) {
        this.storage.setAside(key, raw, `The stored note of question "${id}" had the wrong shape; it was set aside, not deleted.`);
        void this.storage.write(key, undefined);
      }
      return { text: '', stamp: UNVERSIONED };
    }
    return { text: note.text, stamp: stampOf(note) };
  }

  /**
   * Applies a page's edit by the version rule: newer than the stored note, it is saved; older (a
   * restored draft of the same page) or made without seeing the stored note, the stored note
   * stays. One exception: a live edit that had not seen another page's save wins, since the
   * learner is typing it now and it must not be replaced under their cursor; the text it replaced
   * is then kept as a conflict copy. A restored draft never wins that way.
   */
  edit(bankId: string, id: string, edit: NoteEdit, options: { restored?: boolean; origin?: unknown } = {}): Promise<NoteOutcome> {
    const tooLarge = checkNoteSize(edit.text);
    if (tooLarge) return Promise.reject(tooLarge);
    const current = this.get(bankId, id);
    const verdict = judgeEdit(current.stamp, edit);
    if (verdict === 'apply' || (verdict === 'concurrent' && !options.restored)) {
      const stamp: NoteStamp = { version: current.stamp.version + 1, writer: edit.writer, revision: edit.revision };
      const conflict =
        verdict === 'concurrent' && holdsTextTheOtherLacks(current.text, edit.text)
          ? this.keepConflict(bankId, id, current.text, 'saved from elsewhere while another page was being typed in')
          : undefined;
      return this.write(bankId, id, edit.text, stamp, options.origin).then(() => ({ kind: 'saved', stamp, conflict }));
    }
    // A stale draft is an earlier state of the same page's typing: kept only when it and the note
    // each hold text the other lacks (text replaced since). A draft made without seeing the stored
    // note is kept whenever it holds text the note lacks.
    const keep = holdsTextTheOtherLacks(edit.text, current.text) && (verdict === 'concurrent' || holdsTextTheOtherLacks(current.text, edit.text));
    const conflict = keep
      ? this.keepConflict(bankId, id, edit.text, verdict === 'stale' ? 'an older draft that a reopened page brought back' : 'a draft that a reopened page brought back, made before the newer note was saved')
      : undefined;
    return this.storage.flush().then(() => ({ kind: 'kept', text: current.text, stamp: current.stamp, conflict }));
  }

  /**
   * The text a page's patch makes of the stored note, or undefined when the stored note is not
   * the page's previous send (another copy was saved since): the page then sends the whole text.
   */
  patched(bankId: string, id: string, writer: string, patch: NotePatch): string | undefined {
    const current = this.get(bankId, id);
    if (current.stamp.writer !== writer || current.stamp.revision !== patch.from) return undefined;
    return applyPatch(current.text, patch);
  }

  /** Saves a note from the extension itself (a command, a restore): it goes on top of whatever is stored. */
  set(bankId: string, id: string, text: string, origin?: unknown): Promise<void> {
    const tooLarge = checkNoteSize(text);
    if (tooLarge) return Promise.reject(tooLarge);
    const current = this.get(bankId, id);
    const stamp: NoteStamp = { version: current.stamp.version + 1, writer: this.writer, revision: ++this.revision };
    return this.write(bankId, id, text, stamp, origin);
  }

  /** Ids of questions of a bank that have a stored, non-empty note. */
  notedIds(bankId: string): string[] {
    const prefix = `note/${bankId}/`;
    return this.storage
      .keys()
      .filter((k) => k.startsWith(prefix))
      .filter((k) => readNote(this.storage.get(k))?.text !== '')
      .map((k) => k.slice(prefix.length));
  }

  /** The conflict copies of a bank, oldest first. */
  conflicts(bankId: string): ConflictCopy[] {
    const prefix = conflictPrefix(bankId);
    const copies: ConflictCopy[] = [];
    for (const key of this.storage.keys()) {
      if (!key.startsWith(prefix)) continue;
      const copy = readConflict(bankId, key, this.storage.get(key));
      if (copy) copies.push(copy);
    }
    return copies.sort((a, b) => a.updated - b.updated || a.key.localeCompare(b.key));
  }

  /** Makes a conflict copy the note again; the note it replaces is kept as a conflict copy if it holds text the copy lacks. */
  async restoreConflict(copy: ConflictCopy): Promise<void> {
    const current = this.get(copy.bankId, copy.id);
    if (holdsTextTheOtherLacks(current.text, copy.text)) this.keepConflict(copy.bankId, copy.id, current.text, 'the note before a conflict copy was restored over it');
    await this.set(copy.bankId, copy.id, copy.text);
    await this.storage.write(copy.key, undefined);
  }

  discardConflict(copy: ConflictCopy): Promise<void> {
    return this.storage.write(copy.key, undefined);
  }

  /** The question a page showed last, so a page revived without state shows it again. */
  lastShown(bankId: string): string | undefined {
    const raw = this.storage.get(shownKey(bankId));
    return isRecord(raw) && typeof raw.id === 'string' ? raw.id : undefined;
  }

  setLastShown(bankId: string, id: string): void {
    if (this.lastShown(bankId) === id) return;
    void this.storage.write(shownKey(bankId), { schema: SCHEMA, id, updated: this.storage.now() });
  }

  dispose(): void {
    this._onDidChangeNote.dispose();
    this._onDidKeepConflict.dispose();
  }

  private write(bankId: string, id: string, text: string, stamp: NoteStamp, origin: unknown): Promise<void> {
    const value: StoredNote = { schema: SCHEMA, text, updated: this.storage.now(), ...stamp };
    const written = this.storage.write(noteKey(bankId, id), value);
    this._onDidChangeNote.fire({ bankId, id, text, stamp, origin });
    return written;
  }

  /**
   * Keeps a losing copy, unless a copy already kept holds all of it. Earlier copies of the same
   * question that this one holds entirely are replaced by it, so a run of conflicts leaves one copy.
   */
  private keepConflict(bankId: string, id: string, text: string, reason: string): ConflictCopy | undefined {
    const existing = this.conflicts(bankId).filter((c) => c.id === id);
    if (existing.some((c) => !holdsTextTheOtherLacks(text, c.text))) return undefined;
    for (const c of existing) if (!holdsTextTheOtherLacks(c.text, text)) void this.storage.write(c.key, undefined);
    const updated = this.storage.now();
    const key = `${conflictPrefix(bankId)}${updated}-${++this.seq}-${this.writer}`;
    const value: StoredConflict = { schema: SCHEMA, id, text, updated, reason };
    void this.storage.write(key, value);
    const copy: ConflictCopy = { key, bankId, id, text, updated, reason };
    this._onDidKeepConflict.fire(copy);
    return copy;
  }
}

/**
 * The journal's rule for a note at activation: the copy with the higher version wins (one host
 * writes versions in order, so the lower is an earlier state of the same note); two different
 * copies of one version keep the stored one and, when the journal's holds text it lacks, a
 * conflict copy of it. Other keys keep the journal's own rule (its entry is newer than the value).
 */
export function reconcileNote(key: string, stored: unknown, journaled: unknown, now: number): { take: boolean; alsoWrite?: Array<[string, unknown]> } | undefined {
  if (!key.startsWith('note/')) return undefined;
  const j = readNote(journaled);
  if (!j || j.version === undefined) return undefined;
  const s = readNote(stored);
  if (!s) return { take: true };
  const sv = stampOf(s);
  const jv = stampOf(j);
  if (jv.version !== sv.version) return { take: jv.version > sv.version };
  if (j.text === s.text || !holdsTextTheOtherLacks(j.text, s.text)) return { take: false };
  const rest = key.slice('note/'.length);
  const slash = rest.indexOf('/');
  const bankId = rest.slice(0, slash);
  const id = rest.slice(slash + 1);
  const copy: StoredConflict = { schema: SCHEMA, id, text: j.text, updated: now, reason: 'a copy in the journal that disagreed with workspace storage' };
  // Named by the losing copy's stamp: the same disagreement found again at a later activation is one copy.
  return { take: false, alsoWrite: [[`${conflictPrefix(bankId)}journal-${jv.version}-${jv.writer}-${jv.revision}`, copy]] };
}
