import type { KeyValueStore } from '../../src/progress/store';
import type { JournalDir } from '../../src/progress/journal';

/** An in-memory Memento; values are copied through JSON like VS Code's storage does. */
export class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, string>();
  writes = 0;
  get(key: string): unknown {
    const v = this.data.get(key);
    return v === undefined ? undefined : JSON.parse(v);
  }
  update(key: string, value: unknown): Promise<void> {
    this.writes++;
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, JSON.stringify(value));
    return Promise.resolve();
  }
  keys(): readonly string[] {
    return [...this.data.keys()];
  }
  /** A copy, as another window or a later session would find the same storage. */
  clone(): MemoryStore {
    const copy = new MemoryStore();
    for (const [k, v] of this.data) copy.data.set(k, v);
    return copy;
  }
}

/** An in-memory journal folder, shared by the windows of a test; offsets are characters. */
export class MemoryDir implements JournalDir {
  readonly files = new Map<string, string>();
  failList = false;
  private readonly watchers = new Set<() => void>();
  async list(): Promise<string[]> {
    if (this.failList) throw new Error('EACCES');
    return [...this.files.keys()];
  }
  async read(name: string, from: number): Promise<{ text: string; end: number } | undefined> {
    const all = this.files.get(name);
    if (all === undefined) return undefined;
    const start = all.length < from ? 0 : from;
    const last = all.lastIndexOf('\n');
    if (last < start) return { text: '', end: start };
    return { text: all.slice(start, last + 1), end: last + 1 };
  }
  async append(name: string, text: string): Promise<void> {
    this.files.set(name, (this.files.get(name) ?? '') + text);
    this.watchers.forEach((w) => w());
  }
  async create(name: string, text: string): Promise<void> {
    this.files.set(name, text);
    this.watchers.forEach((w) => w());
  }
  async remove(name: string): Promise<void> {
    this.files.delete(name);
  }
  watch(onChange: () => void): { dispose(): void } {
    this.watchers.add(onChange);
    return { dispose: () => this.watchers.delete(onChange) };
  }
  /** Every line of every file, parsed. */
  lines(): Array<{ k: string; v?: unknown; at: number }> {
    return [...this.files.values()].flatMap((t) => t.split('\n').filter(Boolean).map((l) => JSON.parse(l)));
  }
}
