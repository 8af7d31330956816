// Done state and answer notes behind a small Memento-like interface. Pure: no 'vscode'.
import { Emitter, type Event } from '../util/emitter';

/** The part of vscode.Memento this module needs; tests pass an in-memory fake. */
export interface KeyValueStore {
  get(key: string): unknown;
  update(key: string, value: unknown): PromiseLike<void>;
  keys(): readonly string[];
}

/** Version of the stored shapes below; bump it and add a step to PROGRESS_STEPS / NOTE_STEPS when they change. */
export const SCHEMA = 1;

/** Stored under `progress/<bankId>`: the ids of the questions the user has done. */
export interface StoredProgress {
  schema: 1;
  done: Record<string, true>;
  /** Milliseconds since the epoch of the last change. */
  updated: number;
}

/** Stored under `note/<bankId>/<questionId>`. */
export interface StoredNote {
  schema: 1;
  text: string;
  /** Milliseconds since the epoch of the last save. */
  updated: number;
}

/** Largest note kept, in UTF-16 code units (JavaScript string length): 2 MiB of text. */
export const NOTE_MAX_CHARS = 2 * 1024 * 1024;

export interface ProgressChange {
  bankId: string;
  /** The questions whose done state changed; undefined when many did (a reset). */
  ids?: string[];
}

export interface NoteChange {
  bankId: string;
  id: string;
  text: string;
  /** Who wrote it, so a page does not echo its own edit back into itself. */
  origin?: unknown;
}

export interface StoreWarning {
  key: string;
  message: string;
}

const progressKey = (bankId: string) => `progress/${bankId}`;
const noteKey = (bankId: string, id: string) => `note/${bankId}/${id}`;
const asideKey = (key: string, now: number) => `aside/${now}/${key}`;

export class StudyStore {
  private readonly done = new Map<string, Set<string>>();
  private readonly _onDidChangeProgress = new Emitter<ProgressChange>();
  readonly onDidChangeProgress: Event<ProgressChange> = this._onDidChangeProgress.event;
  private readonly _onDidChangeNote = new Emitter<NoteChange>();
  readonly onDidChangeNote: Event<NoteChange> = this._onDidChangeNote.event;
  /** Problems found in stored data so far; each is also announced once through onWarning. */
  readonly warnings: StoreWarning[] = [];
  private readonly _onWarning = new Emitter<StoreWarning>();
  readonly onWarning: Event<StoreWarning> = this._onWarning.event;
  private readonly setAsideKeys = new Set<string>();
  /** The stored form of each bank's done set, kept in step with it. */
  private readonly records = new Map<string, Record<string, true>>();
  /** Resolves when every write started so far has landed. */
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Loads a bank's done state. The first time a workspace sees the bank, its `**done**`
   * markers seed the stored state; after that the stored state (the user's choices) wins.
   */
  openBank(bankId: string, markedDone: readonly string[]): void {
    if (this.done.has(bankId)) return;
    const key = progressKey(bankId);
    const raw = this.store.get(key);
    if (raw === undefined) {
      const set = new Set(markedDone);
      this.done.set(bankId, set);
      this.persistProgress(bankId);
      return;
    }
    const { ids, bad } = readProgress(raw);
    this.done.set(bankId, ids);
    if (bad) {
      this.setAside(key, raw, `Stored progress of bank "${bankId}" had ${bad} entr${bad === 1 ? 'y' : 'ies'} of the wrong shape; the good ones were kept.`);
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
    if (set.has(id) === done) return this.writes;
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
    const key = noteKey(bankId, id);
    const raw = this.store.get(key);
    if (raw === undefined) return '';
    const note = readNote(raw);
    if (note === undefined) {
      // Read again before the removal below lands (a page asks twice), it is still one problem.
      if (!this.setAsideKeys.has(key)) {
        this.setAside(key, raw, `The stored note of question "${id}" had the wrong shape; it was set aside, not deleted.`);
        void this.startWrite(() => this.store.update(key, undefined));
      }
      return '';
    }
    return note.text;
  }

  /** Saves a note (an empty note removes the entry). Rejects a note over the size limit. */
  setNote(bankId: string, id: string, text: string, origin?: unknown): Promise<void> {
    if (typeof text !== 'string') return Promise.reject(new Error('a note must be text'));
    if (text.length > NOTE_MAX_CHARS) {
      return Promise.reject(new Error(`note is too large (${text.length} characters; the limit is ${NOTE_MAX_CHARS})`));
    }
    const key = noteKey(bankId, id);
    const value: StoredNote | undefined = text === '' ? undefined : { schema: SCHEMA, text, updated: this.now() };
    this.setAsideKeys.delete(key);
    const write = this.startWrite(() => this.store.update(key, value));
    this._onDidChangeNote.fire({ bankId, id, text, origin });
    return write;
  }

  /** Ids of questions of a bank that have a stored note. */
  notedIds(bankId: string): string[] {
    const prefix = `note/${bankId}/`;
    return this.store
      .keys()
      .filter((k) => k.startsWith(prefix))
      .map((k) => k.slice(prefix.length));
  }

  /** Resolves when every write asked for so far has reached the store. */
  flush(): Promise<void> {
    return this.writes;
  }

  dispose(): void {
    this._onDidChangeProgress.dispose();
    this._onDidChangeNote.dispose();
    this._onWarning.dispose();
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
    const value: StoredProgress = { schema: SCHEMA, done: record, updated: this.now() };
    return this.startWrite(() => this.store.update(progressKey(bankId), value));
  }

  private setAside(key: string, raw: unknown, message: string): void {
    this.setAsideKeys.add(key);
    const warning = { key, message };
    this.warnings.push(warning);
    this._onWarning.fire(warning);
    void this.startWrite(() => this.store.update(asideKey(key, this.now()), raw));
  }

  /**
   * Starts a write at once. Storage keeps the order of calls (VS Code's Memento applies each
   * update to its value when called), and the journal records the write now. Chaining each
   * write behind the previous one's round trip let a fast typist's note fall half a second
   * behind, and a reload then lost the tail (seen in the UI tests). The promise resolves when
   * this and every earlier write have landed.
   */
  private startWrite(write: () => PromiseLike<void>): Promise<void> {
    let landed: Promise<void>;
    try {
      landed = Promise.resolve(write()).then(
        () => undefined,
        (err) => console.error('storage write failed', err),
      );
    } catch (err) {
      console.error('storage write failed', err);
      landed = Promise.resolve();
    }
    this.writes = Promise.all([this.writes, landed]).then(() => undefined);
    return this.writes;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

type Step = (value: Record<string, unknown>) => Record<string, unknown>;

/**
 * Brings a stored value to the current schema, one step per version: STEPS[n] turns schema n
 * into n + 1. Version 1 is the first, so there are no steps yet; a value of an unknown or
 * newer schema is returned as it is, and the shape check after it sets it aside.
 */
function migrate(raw: unknown, steps: Record<number, Step>): unknown {
  if (!isRecord(raw) || typeof raw.schema !== 'number') return raw;
  let value = raw;
  while ((value.schema as number) < SCHEMA && steps[value.schema as number]) value = steps[value.schema as number](value);
  return value;
}

const PROGRESS_STEPS: Record<number, Step> = {};
const NOTE_STEPS: Record<number, Step> = {};

export const migrateProgress = (raw: unknown): unknown => migrate(raw, PROGRESS_STEPS);
export const migrateNote = (raw: unknown): unknown => migrate(raw, NOTE_STEPS);

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

export function readNote(raw: unknown): StoredNote | undefined {
  const value = migrateNote(raw);
  if (!isRecord(value) || value.schema !== SCHEMA || typeof value.text !== 'string') return undefined;
  return { schema: SCHEMA, text: value.text, updated: typeof value.updated === 'number' ? value.updated : 0 };
}
