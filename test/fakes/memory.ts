// In-memory fakes of workspace storage and of the journal's folder, for the unit tests and the bench.
import Memento from './memento.cjs';
import type { KeyValueStore } from '../../src/progress/store';
import type { JournalDir } from '../../src/progress/journal';

/** An in-memory Memento; values are copied through JSON like VS Code's storage does. */
export class MemoryStore extends Memento implements KeyValueStore {}

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
    return [...this.files.values()].flatMap((t) =>
      t
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
    );
  }
}
