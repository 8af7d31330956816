// Done state and the door to answer notes (progress/notes.ts), behind a small Memento-like
// interface. Pure: no 'vscode'.
import * as l10n from '@vscode/l10n';
import { Emitter, type Event } from '../util/emitter';
import { keys, parseKey } from '../shared/keys';
import { makeBackup, restoreBackup, type Backup, type Restore } from './backup';
import { Storage, type KeyValueStore, type StoreWarning, type WriteFailure } from './storage';
import { NoteStore } from './notes';
import { ELSEWHERE, parseNoteKey, readNote, stampOf, type NoteChange } from './note-record';
import { PROGRESS_SCHEMA, readProgress, SEEDED_AT, type Mark, type StoredProgress } from './progress-record';
import { ReviewStore } from './reviews';
import { MockStore } from './mocks';
import { PlanStore } from './plans';
import { SetStore } from './sets';
import { FeedbackStore } from './feedback';

export { SCHEMA, type KeyValueStore, type StoreWarning, type WriteFailure } from './storage';
export { ELSEWHERE, NOTE_MAX_CHARS, readNote, migrateNote, type StoredNote, type NoteChange } from './note-record';
export { PROGRESS_SCHEMA, readProgress, migrateProgress, type StoredProgress } from './progress-record';

/** A note file of the notes folder that could not be written. */
export interface FileFailure {
  path: string;
  reason: string;
}

/** What has not been saved: writes to storage (and its journal), and note files. */
export interface Unsaved {
  writes: readonly WriteFailure[];
  files: readonly FileFailure[];
}

export interface ProgressChange {
  bankId: string;
  /** The questions whose done state changed; undefined when many did (a reset). */
  ids?: string[];
}

export class StudyStore {
  private readonly done = new Map<string, Set<string>>();
  private readonly _onDidChangeProgress = new Emitter<ProgressChange>();
  readonly onDidChangeProgress: Event<ProgressChange> = this._onDidChangeProgress.event;
  private readonly storage: Storage;
  /** Answer notes, with their versions and conflict copies. */
  readonly notes: NoteStore;
  /** Each question's FSRS card and review history. */
  readonly reviews: ReviewStore;
  /** Mock interview runs, with the answers typed in them. */
  readonly mocks: MockStore;
  readonly plans: PlanStore;
  readonly sets: SetStore;
  /** Each question's replies from Check My Answer. */
  readonly feedback: FeedbackStore;
  /** Problems found in stored data so far; each is also announced once through onWarning. */
  readonly warnings: StoreWarning[];
  readonly onWarning: Event<StoreWarning>;
  readonly onDidChangeNote: Event<NoteChange>;
  private readonly _onDidChangeUnsaved = new Emitter<Unsaved>();
  /** What has not been saved changed: a write or a note file failed, or landed at last. */
  readonly onDidChangeUnsaved: Event<Unsaved> = this._onDidChangeUnsaved.event;
  private fileFailures: readonly FileFailure[] = [];
  /** The stored form of each bank's done state (a mark per question), kept in step with the set. */
  private readonly records = new Map<string, Record<string, Mark>>();

  constructor(store: KeyValueStore, now: () => number = Date.now, writeTimeoutMs?: number) {
    this.storage = new Storage(store, now, writeTimeoutMs);
    this.notes = new NoteStore(this.storage);
    this.reviews = new ReviewStore(this.storage);
    this.mocks = new MockStore(this.storage);
    this.plans = new PlanStore(this.storage);
    this.sets = new SetStore(this.storage);
    this.feedback = new FeedbackStore(this.storage);
    this.warnings = this.storage.warnings;
    this.onWarning = this.storage.onWarning;
    this.onDidChangeNote = this.notes.onDidChangeNote;
    this.storage.onDidChangeFailures(() => this._onDidChangeUnsaved.fire(this.unsaved()));
  }

  /**
   * Loads a bank's done state. The first time a workspace sees the bank, its `**done**`
   * markers seed the stored state; after that the stored state (the user's choices) wins.
   */
  openBank(bankId: string, markedDone: readonly string[]): void {
    if (this.done.has(bankId)) return;
    const key = keys.progress(bankId);
    const raw = this.storage.get(key);
    if (raw === undefined) {
      const marks = Object.create(null) as Record<string, Mark>;
      for (const id of markedDone) marks[id] = { done: true, at: SEEDED_AT };
      this.load(bankId, marks);
      void this.persistProgress(bankId); // Storage retries a failed write and shows it
      return;
    }
    const { marks, bad } = readProgress(raw);
    this.load(bankId, marks);
    if (bad) {
      this.storage.setAside(
        key,
        raw,
        bad === 1
          ? l10n.t('Stored progress of bank "{0}" had 1 entry of the wrong shape; the good ones were kept.', bankId)
          : l10n.t('Stored progress of bank "{0}" had {1} entries of the wrong shape; the good ones were kept.', bankId, bad),
      );
      void this.persistProgress(bankId);
    } else if ((raw as { schema?: unknown }).schema !== PROGRESS_SCHEMA) void this.persistProgress(bankId);
  }

  isDone(bankId: string, id: string): boolean {
    return this.doneSet(bankId).has(id);
  }

  doneIds(bankId: string): ReadonlySet<string> {
    return this.doneSet(bankId);
  }

  /** Each question's done mark with the time it was set (for the statistics). */
  marks(bankId: string): Readonly<Record<string, Mark>> {
    return this.records.get(bankId) ?? {};
  }

  setDone(bankId: string, id: string, done: boolean): Promise<void> {
    const set = this.doneSet(bankId);
    if (set.has(id) === done) return this.storage.landed(keys.progress(bankId));
    if (done) set.add(id);
    else set.delete(id);
    const write = this.persistProgress(bankId, id, { done, at: this.storage.now() });
    this._onDidChangeProgress.fire({ bankId, ids: [id] });
    return write;
  }

  /** Replaces the whole done set (used by reset): every question gets a mark of this moment. */
  resetDone(bankId: string, ids: readonly string[]): Promise<void> {
    const at = this.storage.now();
    const done = new Set(ids);
    const marks = Object.create(null) as Record<string, Mark>;
    for (const id of [...Object.keys(this.records.get(bankId) ?? {}), ...ids]) marks[id] = { done: done.has(id), at };
    this.load(bankId, marks);
    const write = this.persistProgress(bankId);
    this._onDidChangeProgress.fire({ bankId });
    return write;
  }

  /**
   * Another window changed these keys (already merged into storage): reload what is kept in
   * memory and tell the tree and the pages.
   */
  changedElsewhere(keys: readonly string[]): void {
    for (const key of keys) {
      const parsed = parseKey(key);
      const kind = parsed?.kind;
      if (parsed && kind === 'progress') {
        const { bankId } = parsed;
        if (!this.done.has(bankId)) continue;
        const before = this.doneSet(bankId);
        const { marks, ids } = readProgress(this.storage.get(key));
        const changed = [...new Set([...before, ...ids])].filter((id) => before.has(id) !== ids.has(id));
        this.load(bankId, marks);
        if (changed.length) this._onDidChangeProgress.fire({ bankId, ids: changed });
      } else if (parseNoteKey(key)) {
        const { bankId, id } = parseNoteKey(key)!;
        const note = readNote(this.storage.get(key));
        if (note) this.notes.changedElsewhere({ bankId, id, text: note.text, stamp: stampOf(note), origin: ELSEWHERE });
      } else if (kind === 'conflict') {
        this.notes.conflictKeptElsewhere(key);
      } else if (kind === 'review') {
        this.reviews.changedElsewhere(key);
      } else if (kind === 'sets') {
        this.sets.changedElsewhere(key);
      }
    }
  }

  /** A backup of a bank's progress, notes and conflict copies as stored. */
  backup(bankId: string, bankTitle: string, now: Date): Backup {
    return makeBackup(this.storage, bankId, bankTitle, now);
  }

  /**
   * Merges a backup into a bank's stored values (see backup.ts) and tells the tree and the pages,
   * as for another window's changes. Nothing newer is overwritten; a losing note is kept as a copy.
   */
  async restore(backup: Backup, intoBank: string): Promise<Restore> {
    const result = restoreBackup(this.storage, backup, intoBank, this.storage.now());
    await Promise.all(result.writes.map(([key, value]) => this.storage.write(key, value)));
    this.changedElsewhere(result.writes.map(([key]) => key));
    return result;
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

  /** Resolves when every write asked for so far has reached the store; rejects while one has not (it is retried). */
  flush(): Promise<void> {
    return this.storage.flush();
  }

  /** What has not been saved yet, and why: each write and note file is retried until it lands. */
  unsaved(): Unsaved {
    return { writes: this.storage.failures(), files: this.fileFailures };
  }

  /** The notes folder's files that could not be written (source/notes-folder.ts reports them here). */
  setFileFailures(files: readonly FileFailure[]): void {
    this.fileFailures = files;
    this._onDidChangeUnsaved.fire(this.unsaved());
  }

  /** The store's clock (milliseconds since the epoch): tests pass their own. */
  now(): number {
    return this.storage.now();
  }

  dispose(): void {
    this._onDidChangeProgress.dispose();
    this._onDidChangeUnsaved.dispose();
    this.notes.dispose();
    this.reviews.dispose();
    this.sets.dispose();
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

  private load(bankId: string, marks: Record<string, Mark>): void {
    this.records.set(bankId, marks);
    const set = new Set<string>();
    for (const [id, m] of Object.entries(marks)) if (m.done) set.add(id);
    this.done.set(bankId, set);
  }

  /**
   * Writes a bank's marks. The stored record is kept beside the set and changed one mark at a
   * time, so a toggle costs the same with 10 questions done or 10,000 (rebuilding it each time
   * was most of a toggle's cost at that size). The journal gets only the mark that changed, so
   * two windows' ticks merge there question by question.
   */
  private persistProgress(bankId: string, id?: string, mark?: Mark): Promise<void> {
    let record = this.records.get(bankId);
    if (!record) {
      record = Object.create(null) as Record<string, Mark>;
      this.records.set(bankId, record);
    }
    const updated = this.storage.now();
    if (id === undefined || mark === undefined) {
      const value: StoredProgress = { schema: PROGRESS_SCHEMA, marks: record, updated };
      return this.storage.write(keys.progress(bankId), value);
    }
    record[id] = mark;
    const value: StoredProgress = { schema: PROGRESS_SCHEMA, marks: record, updated };
    const delta: StoredProgress = { schema: PROGRESS_SCHEMA, marks: { [id]: mark }, updated };
    return this.storage.write(keys.progress(bankId), value, delta);
  }
}
