import type { KeyValueStore } from '../../src/progress/store';
import type { JournalFile } from '../../src/progress/journal';

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
}

export class MemoryFile implements JournalFile {
  text: string | undefined;
  failRead = false;
  async read(): Promise<string | undefined> {
    if (this.failRead) throw new Error('EACCES');
    return this.text;
  }
  async write(text: string): Promise<void> {
    this.text = text;
  }
}
