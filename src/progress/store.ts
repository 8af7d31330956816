// Done state and the door to answer notes (progress/notes.ts), behind a small Memento-like
// interface. Pure: no 'vscode'.
import { Emitter, type Event } from '../util/emitter';
import { isRecord, migrate, SCHEMA, Storage, type KeyValueStore, type Step, type StoreWarning } from './storage';
import { NoteStore, type NoteChange } from './notes';

export { SCHEMA, type KeyValueStore, type StoreWarning } from './storage';
export { NOTE_MAX_CHARS, readNote, migrateNote, type StoredNote, type NoteChange } from './notes';

/** Stored under `progress/<bankId>`: the ids of the questions the user has done. */
export interface StoredProgress {
  schema: 1;
  done: Record<string, true>;
  /** Milliseconds since the epoch of the last change. */
  updated: number;
}

export interface ProgressChange {
  bankId: string;
  /** The questions whose done state changed; undefined when many did (a reset). */
  ids?: string[];
}

const progressKey = (bankId: string) => `progress/${bankId}`;

export class StudyStore {
  private readonly done = new Map<string, Set<string>>();
  private readonly _onDidChangeProgress = new Emitter<ProgressChange>();
  readonly onDidChangeProgress: Event<ProgressChange> = this._onDidChangeProgress.event;
  private readonly storage: Storage;
  /** Answer notes, with their versions and conflict copies. */
  readonly notes: NoteStore;
  /** Problems found in stored data so far; each is also announced once through onWarning. */
  readonly warnings: StoreWarning[];
  readonly onWarning: Event<StoreWarning>;
  readonly onDidChangeNote: Event<NoteChange>;
  /** The stored form of each bank's done set, kept in step with it. */
  private readonly records = new Map<string, Record<string, true>>();

  constructor(store: KeyValueStore, now: () => number = Date.now) {
    this.storage = new Storage(store, now);
    this.notes = new NoteStore(this.storage);
    this.warnings = this.storage.warnings;
    this.onWarning = this.storage.onWarning;
    this.onDidChangeNote = this.notes.onDidChangeNote;
  }

  /**
   * Loads a bank's done state. The first time a workspace sees the bank, its `**done**`
   * markers seed the stored state; after that the stored state (the user's choices) wins.
   */
  openBank(bankId: string, markedDone: readonly string[]): void {
    if (this.done.has(bankId)) return;
    const key = progressKey(bankId);
    const raw = this.storage.get(key);
    if (raw === undefined) {
      const set = new Set(markedDone);
      this.done.set(bankId, set);
      this.persistProgress(bankId);
      return;
    }
    const { ids, bad } = readProgress(raw);
    this.done.set(bankId, ids);
    if (bad) {
      this.storage.setAside(key, raw, `Stored progress of bank "${bankId}" had ${bad} entr${bad === 1 ? 'y' : 'ies'} of the wrong shape; the good ones were kept.`);
      this.persistProgress(bankId);
    }
  }

  isDone(bankId: string, id: string): boolean {
    return this.doneSet(bankId).has(id);
  }

  doneIds(bankId: string): ReadonlySet<string> {
    return this.doneSet(bankId);
  }

  setDone(bankId: string, id: string, done: boolean): Promise<void> {
    const set = this.doneSet(bankId);
    if (set.has(id) === done) return this.storage.flush();
    if (done) set.add(id);
    else set.delete(id);
    const write = this.persistProgress(bankId, { id, done });
    this._onDidChangeProgress.fire({ bankId, ids: [id] });
    return write;
  }

  /** Replaces the whole done set (used by reset). */
  resetDone(bankId: string, ids: readonly string[]): Promise<void> {
    this.done.set(bankId, new Set(ids));
    const write = this.persistProgress(bankId);
    this._onDidChangeProgress.fire({ bankId });
    return write;
  }

  getNote(bankId: string, id: string): string {
    return this.notes.get(bankId, id).text;
  }

  /** Saves a note from the extension itself (not a page's edit: see notes.edit). Rejects a note over the size limit. */
  setNote(bankId: string, id: string, text: string, origin?: unknown): Promise<void> {
    return this.notes.set(bankId, id, text, origin);
  }

  /** Ids of questions of a bank that have a stored note. */
  notedIds(bankId: string): string[] {
    return this.notes.notedIds(bankId);
  }

  /** Resolves when every write asked for so far has reached the store. */
  flush(): Promise<void> {
    return this.storage.flush();
  }

  dispose(): void {
    this._onDidChangeProgress.dispose();
    this.notes.dispose();
    this.storage.dispose();
  }

  private doneSet(bankId: string): Set<string> {
    let set = this.done.get(bankId);
    if (!set) {
      set = new Set();
      this.done.set(bankId, set);
    }
    return set;
  }

  /**
   * Writes a bank's done set. The stored record is kept beside the set and changed one key at
   * a time, so a toggle costs the same with 10 questions done or 10,000 (rebuilding it each
   * time was most of a toggle's cost at that size).
   */
  private persistProgress(bankId: string, changed?: { id: string; done: boolean }): Promise<void> {
    let record = this.records.get(bankId);
    if (!record || !changed) {
      record = Object.create(null) as Record<string, true>;
      for (const id of this.doneSet(bankId)) record[id] = true;
      this.records.set(bankId, record);
    } else if (changed.done) record[changed.id] = true;
    else delete record[changed.id];
    const value: StoredProgress = { schema: SCHEMA, done: record, updated: this.storage.now() };
    return this.storage.write(progressKey(bankId), value);
  }
}

const PROGRESS_STEPS: Record<number, Step> = {};

export const migrateProgress = (raw: unknown): unknown => migrate(raw, PROGRESS_STEPS);

/** Reads stored progress, keeping good entries and counting bad ones. */
export function readProgress(raw: unknown): { ids: Set<string>; bad: number } {
  const value = migrateProgress(raw);
  const ids = new Set<string>();
  if (!isRecord(value) || value.schema !== SCHEMA || !isRecord(value.done)) return { ids, bad: 1 };
  let bad = 0;
  for (const [id, v] of Object.entries(value.done)) {
    if (v === true && id.length > 0 && id.length <= 200) ids.add(id);
    else bad++;
  }
  return { ids, bad };
}
