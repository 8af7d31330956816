// A write-ahead journal beside workspace storage. In VS Code for the browser the workspace
// storage is flushed to the browser's IndexedDB some time after each write, so a reload right
// after a tick or a keystroke can lose it (seen in the UI tests). Every write also goes to a
// small journal file on the extension host's disk; on activation, journal entries newer than
// what workspace storage holds are written back (for notes, newer by their version stamp: see
// reconcileNote). Pure: file access comes through JournalFile.
import type { KeyValueStore } from './storage';

export interface JournalFile {
  read(): Promise<string | undefined>;
  /** Replaces the file's content, atomically where the platform allows. */
  write(text: string): Promise<void>;
}

interface Entry {
  at: number;
  /** Absent when the write removed the key. */
  value?: unknown;
}

interface JournalData {
  schema: 1;
  entries: Record<string, Entry>;
}

/** Entries are kept this long: far longer than the browser takes to flush its storage. */
export const JOURNAL_KEEP_MS = 10 * 60 * 1000;

export interface OpenedJournal {
  store: JournaledStore;
  /** Keys restored from the journal into workspace storage. */
  recovered: string[];
  /** Set when the journal file was unreadable; it is then started afresh. */
  warning?: string;
}

/**
 * Decides, for one key at activation, whether the journal's value replaces the stored one, and
 * what else to write (a conflict copy). Undefined: the default rule, the journal's entry wins
 * when it was written after the stored value's `updated` time (one host's clock).
 */
export type Reconcile = (key: string, stored: unknown, journaled: unknown, now: number) => { take: boolean; alsoWrite?: Array<[string, unknown]> } | undefined;

function updatedOf(value: unknown): number {
  if (typeof value === 'object' && value !== null && typeof (value as { updated?: unknown }).updated === 'number') {
    return (value as { updated: number }).updated;
  }
  return -Infinity;
}

function parseJournal(text: string): JournalData | undefined {
  const data = JSON.parse(text) as unknown;
  if (typeof data !== 'object' || data === null) return undefined;
  const d = data as { schema?: unknown; entries?: unknown };
  if (d.schema !== 1 || typeof d.entries !== 'object' || d.entries === null || Array.isArray(d.entries)) return undefined;
  const entries: Record<string, Entry> = {};
  for (const [key, e] of Object.entries(d.entries as Record<string, unknown>)) {
    if (typeof e === 'object' && e !== null && typeof (e as Entry).at === 'number') entries[key] = e as Entry;
  }
  return { schema: 1, entries };
}

export class JournaledStore implements KeyValueStore {
  private readonly entries = new Map<string, Entry>();
  private writing: Promise<void> = Promise.resolve();
  private scheduled = false;

  private constructor(
    private readonly memento: KeyValueStore,
    private readonly file: JournalFile,
    private readonly now: () => number,
  ) {}

  static async open(memento: KeyValueStore, file: JournalFile, now: () => number = Date.now, reconcile: Reconcile = () => undefined): Promise<OpenedJournal> {
    const store = new JournaledStore(memento, file, now);
    const recovered: string[] = [];
    /** Values the reconciling wrote besides the journal's own (conflict copies): journaled too. */
    const extra = new Map<string, Entry>();
    let warning: string | undefined;
    let data: JournalData | undefined;
    try {
      const text = await file.read();
      data = text === undefined || text === '' ? undefined : parseJournal(text);
      if (text && !data) warning = 'The notes journal had an unknown shape and was started afresh.';
    } catch (err) {
      warning = `The notes journal could not be read (${(err as Error).message}); it was started afresh.`;
    }
    for (const [key, entry] of Object.entries(data?.entries ?? {})) {
      const current = memento.get(key);
      if (JSON.stringify(current) === JSON.stringify(entry.value)) continue;
      const decision = reconcile(key, current, entry.value, now());
      for (const [k, v] of decision?.alsoWrite ?? []) {
        await memento.update(k, v);
        extra.set(k, { at: now(), value: v });
      }
      // By default: storage holds something written after the journal entry, so storage wins.
      if (!(decision ? decision.take : updatedOf(current) < entry.at)) continue;
      await memento.update(key, entry.value);
      recovered.push(key);
    }
    // Recovered entries stay journaled (with a fresh time) until this session has flushed them too.
    for (const [key, entry] of Object.entries(data?.entries ?? {})) {
      store.entries.set(key, recovered.includes(key) ? { ...entry, at: now() } : entry);
    }
    for (const [key, entry] of extra) store.entries.set(key, entry);
    return { store, recovered, warning };
  }

  get(key: string): unknown {
    return this.memento.get(key);
  }

  keys(): readonly string[] {
    return this.memento.keys();
  }

  update(key: string, value: unknown): PromiseLike<void> {
    this.entries.set(key, value === undefined ? { at: this.now() } : { at: this.now(), value });
    this.schedule();
    return this.memento.update(key, value);
  }

  /** Resolves when the journal file holds every write made so far. */
  flush(): Promise<void> {
    if (this.scheduled) {
      this.scheduled = false;
      this.writing = this.writing.then(() => this.writeNow());
    }
    return this.writing;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // Writes in the same tick are coalesced into one file write.
    setTimeout(() => void this.flush(), 0);
  }

  private async writeNow(): Promise<void> {
    const cutoff = this.now() - JOURNAL_KEEP_MS;
    const entries: Record<string, Entry> = {};
    for (const [key, entry] of this.entries) {
      if (entry.at < cutoff) this.entries.delete(key);
      else entries[key] = entry;
    }
    try {
      await this.file.write(JSON.stringify({ schema: 1, entries } satisfies JournalData));
    } catch (err) {
      console.error('could not write the notes journal', err);
    }
  }
}
