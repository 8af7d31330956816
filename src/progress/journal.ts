// A write-ahead journal shared by every window on a workspace. In VS Code for the browser the
// workspace storage reaches the browser's IndexedDB some time after each write, and each
// window's extension host keeps its own copy of it, written back whole (last writer wins): so a
// reload can lose a recent write, and two windows undo each other's. Every write therefore also
// goes to a journal on the extension host's disk, one append-only file per window (no window
// ever rewrites another's); each window reads the others' files as they grow and merges what
// they wrote, and at start-up every file is merged into workspace storage. Merging is per key:
// notes by their version stamp, progress question by question (see `Merge`). Pure: files come
// through JournalDir.
import * as l10n from '@vscode/l10n';
import type { KeyValueStore } from './storage';

/** The journal's folder: one file per window, appended to by that window only. */
export interface JournalDir {
  /** The names of the files in the folder. */
  list(): Promise<string[]>;
  /**
   * The whole lines of a file from a position on (a line still being written is left for the
   * next read), and the position after them; undefined when the file is gone.
   */
  read(name: string, from: number): Promise<{ text: string; end: number } | undefined>;
  append(name: string, text: string): Promise<void>;
  /** Writes a whole file atomically (a new name: readers never see it shrink). */
  create(name: string, text: string): Promise<void>;
  remove(name: string): Promise<void>;
  /** Calls back when any file in the folder may have changed. */
  watch(onChange: () => void): { dispose(): void };
  /**
   * How large this window's file may grow before it is compacted (COMPACT_AT_CHARS when absent).
   * A folder whose append rewrites the whole file (the browser's) keeps it small: every keystroke
   * of a note would otherwise rewrite up to the full 8 MB.
   */
  readonly compactAt?: number;
}

/** One journal line: a key's new value (absent when it was removed) and when it was written. */
interface Line {
  k: string;
  v?: unknown;
  at: number;
}

/**
 * Decides how a value from the journal (`incoming`, written at `at`) meets the stored one: whether
 * to write, what (a merged value, or the incoming one), and what else to write (conflict copies).
 * Undefined: the default rule, the incoming value wins when it was written after the stored
 * value's `updated` time.
 */
export type Merge = (
  key: string,
  stored: unknown,
  incoming: unknown,
  at: number,
) => { write: boolean; value?: unknown; also?: Array<[string, unknown]> } | undefined;

/** Lines are kept this long: far longer than the browser takes to flush its storage. */
export const JOURNAL_KEEP_MS = 10 * 60 * 1000;
/** A window's file is compacted (one line per key, into a new file) past this many characters. */
export const COMPACT_AT_CHARS = 8 * 1024 * 1024;

export interface JournalOptions {
  /** This window's id: its file is `<hostId>-<generation>.jsonl`. */
  hostId: string;
  now?: () => number;
  merge?: Merge;
  /** The extension's log (what went wrong that the learner need not act on). */
  log?: (message: string) => void;
}

export interface OpenedJournal {
  store: JournaledStore;
  /** Keys restored from the journal into workspace storage. */
  recovered: string[];
  /** Set when part of the journal was unreadable; the rest was used. */
  warning?: string;
}

function updatedOf(value: unknown): number {
  if (typeof value === 'object' && value !== null && typeof (value as { updated?: unknown }).updated === 'number') {
    return (value as { updated: number }).updated;
  }
  return -Infinity;
}

/** Reads journal lines, skipping (and counting) any that are not JSON of the right shape. */
function parseLines(text: string): { lines: Line[]; bad: number } {
  const lines: Line[] = [];
  let bad = 0;
  for (const raw of text.split('\n')) {
    if (!raw) continue;
    try {
      const l = JSON.parse(raw) as Partial<Line>;
      if (typeof l === 'object' && l !== null && typeof l.k === 'string' && typeof l.at === 'number') lines.push(l as Line);
      else bad++;
    } catch {
      bad++;
    }
  }
  return { lines, bad };
}

const fileOf = (hostId: string, generation: number) => `${hostId}-${generation}.jsonl`;

export class JournaledStore implements KeyValueStore {
  private generation = 0;
  private fileName: string;
  /** Characters appended to this window's current file. */
  private written = 0;
  /** This window's latest line per key (progress lines folded together), for compaction. */
  private readonly latest = new Map<string, Line>();
  /** Lines not yet written, one per key (folded as `latest` is): they go together in the next append. */
  private buffer = new Map<string, Line>();
  private writing: Promise<void> = Promise.resolve();
  /** The append that will carry the lines buffered now, queued behind the one being written. */
  private next: Promise<void> | undefined;
  /** How far each other window's file has been read. */
  private readonly offsets = new Map<string, number>();
  private reading: Promise<string[]> = Promise.resolve([]);
  private readonly now: () => number;
  private readonly merge: Merge;
  private readonly log: (message: string) => void;

  private constructor(
    private readonly memento: KeyValueStore,
    private readonly dir: JournalDir,
    private readonly options: JournalOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.merge = options.merge ?? (() => undefined);
    this.log = options.log ?? (() => undefined);
    this.fileName = fileOf(options.hostId, 0);
  }

  static async open(memento: KeyValueStore, dir: JournalDir, options: JournalOptions): Promise<OpenedJournal> {
    const store = new JournaledStore(memento, dir, options);
    const warnings: string[] = [];
    const all: Line[] = [];
    const newest = new Map<string, number>();
    let names: string[] = [];
    try {
      names = (await dir.list()).filter((n) => n.endsWith('.jsonl'));
    } catch (err) {
      warnings.push(l10n.t('The notes journal could not be listed ({0}); it was started afresh.', (err as Error).message));
    }
    let bad = 0;
    for (const name of names) {
      try {
        const read = await dir.read(name, 0);
        if (!read) continue;
        const parsed = parseLines(read.text);
        bad += parsed.bad;
        all.push(...parsed.lines);
        store.offsets.set(name, read.end);
        newest.set(name, Math.max(-Infinity, ...parsed.lines.map((l) => l.at)));
      } catch (err) {
        warnings.push(l10n.t('A notes journal file could not be read ({0}); the others were used.', (err as Error).message));
      }
    }
    if (bad)
      warnings.push(
        bad === 1
          ? l10n.t('1 line of the notes journal could not be read and was skipped.')
          : l10n.t('{0} lines of the notes journal could not be read and were skipped.', bad),
      );
    all.sort((a, b) => a.at - b.at);
    const recovered = new Set<string>();
    let unstored: string | undefined;
    for (const line of all) {
      try {
        for (const key of await store.apply(line)) recovered.add(key);
      } catch (err) {
        unstored ??= (err as Error)?.message ?? String(err);
      }
    }
    if (unstored) warnings.push(l10n.t('Changes recovered from the notes journal could not all be stored ({0}).', unstored));
    const cutoff = store.now() - JOURNAL_KEEP_MS;
    await store.flush().catch((err: Error) => warnings.push(err.message));
    // A file whose newest line is older than the keep time is merged into storage by now: it goes.
    for (const [name, at] of newest) {
      if (at < cutoff) {
        await dir.remove(name).catch(() => undefined);
        store.offsets.delete(name);
      }
    }
    return { store, recovered: [...recovered], warning: warnings.length ? warnings.join(' ') : undefined };
  }

  get(key: string): unknown {
    return this.memento.get(key);
  }

  keys(): readonly string[] {
    return this.memento.keys();
  }

  /**
   * Writes to workspace storage and to this window's journal file; resolves once both hold it,
   * rejects when either failed (Storage retries it: progress/storage.ts).
   */
  update(key: string, value: unknown, journalValue: unknown = value): PromiseLike<void> {
    this.record({ k: key, v: journalValue, at: this.now() });
    return Promise.all([this.memento.update(key, value), this.flush()]).then(() => undefined);
  }

  /**
   * Resolves when the journal holds every write made so far; rejects when the append that carried
   * them failed (its lines are not kept: a failed write is retried whole, and records them again).
   * Lines recorded while an append is being written wait for it and then go together, one per key:
   * in the browser every append rewrites the file, and a queue of one append per keystroke grew
   * seconds long under load, so the last keystrokes had not reached the journal when a tab closed.
   */
  flush(): Promise<void> {
    if (!this.buffer.size) return this.next ?? this.writing;
    this.next ??= this.writing.then(
      () => this.appendBuffered(),
      () => this.appendBuffered(),
    );
    this.writing = this.next;
    return this.next;
  }

  private appendBuffered(): Promise<void> {
    this.next = undefined;
    const text = [...this.buffer.values()].map((line) => JSON.stringify(line) + '\n').join('');
    this.buffer = new Map();
    return text ? this.appendNow(text) : Promise.resolve();
  }

  /**
   * Follows the other windows: whenever their files grow, merges what they wrote into workspace
   * storage and reports the keys that changed. Also polls once a second, for file systems whose
   * change events are late or missing.
   */
  follow(onChanged: (keys: string[]) => void, pollMs = 1000): { dispose(): void } {
    let disposed = false;
    const check = () => {
      if (disposed) return;
      this.reading = this.reading
        .then(() => this.readOthers())
        .then(
          (keys) => {
            if (keys.length && !disposed) onChanged(keys);
            return keys;
          },
          (err: Error) => {
            this.log(`Could not read the other windows' journals: ${err?.message ?? err}`);
            return [];
          },
        );
    };
    const watcher = this.dir.watch(check);
    const timer = setInterval(check, pollMs);
    // The poll alone never keeps a process alive (a test runner, a bench).
    (timer as { unref?: () => void }).unref?.();
    return {
      dispose: () => {
        disposed = true;
        watcher.dispose();
        clearInterval(timer);
      },
    };
  }

  /** Reads what the other windows appended since the last look; returns the keys whose stored value changed. */
  async readOthers(): Promise<string[]> {
    const names = (await this.dir.list()).filter((n) => n.endsWith('.jsonl') && !n.startsWith(`${this.options.hostId}-`));
    for (const known of [...this.offsets.keys()]) if (!names.includes(known)) this.offsets.delete(known);
    const changed = new Set<string>();
    for (const name of names) {
      const from = this.offsets.get(name) ?? 0;
      const read = await this.dir.read(name, from);
      if (!read) continue;
      this.offsets.set(name, read.end);
      for (const line of parseLines(read.text).lines) for (const key of await this.apply(line)) changed.add(key);
    }
    return [...changed];
  }

  /** Merges one journal line into workspace storage; returns the keys whose stored value changed. */
  private async apply(line: Line): Promise<string[]> {
    const current = this.memento.get(line.k);
    if (JSON.stringify(current) === JSON.stringify(line.v)) return [];
    const changed: string[] = [];
    const decision = this.merge(line.k, current, line.v, line.at);
    for (const [k, v] of decision?.also ?? []) {
      if (JSON.stringify(this.memento.get(k)) === JSON.stringify(v)) continue;
      await this.memento.update(k, v);
      this.record({ k, v, at: this.now() });
      changed.push(k);
    }
    const write = decision ? decision.write : updatedOf(current) < line.at;
    const value = decision && 'value' in decision ? decision.value : line.v;
    if (write && JSON.stringify(current) !== JSON.stringify(value)) {
      await this.memento.update(line.k, value);
      changed.push(line.k);
    }
    return changed;
  }

  /** Adds a line to this window's file (written at the end of the tick, with the tick's others). */
  private record(line: Line): void {
    const first = !this.buffer.size;
    this.latest.set(line.k, this.fold(this.latest.get(line.k), line));
    this.buffer.set(line.k, this.fold(this.buffer.get(line.k), line));
    if (first) setTimeout(() => void this.flush().catch(() => undefined), 0);
  }

  /** A key's line after another: the two merged (a progress mark joins the others), or the newer. */
  private fold(before: Line | undefined, line: Line): Line {
    const folded = before && line.v !== undefined ? this.merge(line.k, before.v, line.v, line.at) : undefined;
    if (!before || !folded) return line;
    return folded.write ? { ...line, v: 'value' in folded ? folded.value : line.v } : { ...before, at: Math.max(before.at, line.at) };
  }

  private async appendNow(text: string): Promise<void> {
    try {
      await this.dir.append(this.fileName, text);
    } catch (err) {
      throw new Error(l10n.t('the notes journal could not be written ({0})', (err as Error)?.message ?? String(err)), { cause: err });
    }
    this.written += text.length;
    // The lines are written: a compaction that fails leaves them where they are, and is tried again at the next write.
    if (this.written > (this.dir.compactAt ?? COMPACT_AT_CHARS))
      await this.compact().catch((err: Error) => this.log(`The notes journal could not be compacted: ${err.message}`));
  }

  /** Starts a new file with this window's latest line per key (younger than the keep time), then drops the old one. */
  private async compact(): Promise<void> {
    const cutoff = this.now() - JOURNAL_KEEP_MS;
    const lines: string[] = [];
    for (const [key, line] of this.latest) {
      if (line.at < cutoff) this.latest.delete(key);
      else lines.push(JSON.stringify(line) + '\n');
    }
    const old = this.fileName;
    this.generation++;
    this.fileName = fileOf(this.options.hostId, this.generation);
    const text = lines.join('');
    await this.dir.create(this.fileName, text);
    this.written = text.length;
    await this.dir.remove(old).catch(() => undefined);
  }
}
