// Notes as Markdown files (`djangoPrep.notesLocation: folder`): each note of the bank shown is
// also `<folder>/<bank>/<id>.md`, kept in step both ways. A note written by a page goes to its
// file; a file changed in the editor or on disk becomes the note (as a new version, so a page
// typing at that moment keeps its text and the loser is a conflict copy). At start the newer of
// a note and its file wins, the other kept as a conflict copy when it holds something the winner
// lacks. Nothing is deleted: an emptied note leaves an empty file. Pure: files come through
// NoteFileSystem.
import type { StudyStore } from './store';
import { Retries } from './retries';

export interface NoteFileSystem {
  read(path: string): Promise<{ text: string; mtime: number } | undefined>;
  /** Writes the whole file at once (a temporary file renamed over it), creating its folder. */
  write(path: string, text: string): Promise<void>;
  /** The names of the files in a folder (none when it does not exist). */
  list(dir: string): Promise<string[]>;
}

/** A question id as a file name: characters that are not safe in a file name as %XX. */
export function fileNameOf(id: string): string {
  const encode = (c: string) => {
    const e = encodeURIComponent(c);
    return e !== c ? e : '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
  };
  return id.replace(/[^A-Za-z0-9._-]|^\./gu, encode) + '.md';
}

export function idOfFileName(name: string): string | undefined {
  if (!name.endsWith('.md')) return undefined;
  try {
    return decodeURIComponent(name.slice(0, -3));
  } catch {
    return undefined;
  }
}

/**
 * The notes folder inside a workspace folder, as a '/'-separated path, or undefined when the
 * setting names a place outside it: an absolute path (a disk the browser cannot reach) or one
 * that climbs out of it.
 */
export function notesRootIn(workspacePath: string, setting: string): string | undefined {
  if (/^([a-zA-Z]:)?[\\/]|^~/.test(setting)) return undefined;
  const base = workspacePath.replace(/\/+$/, '');
  const parts: string[] = [];
  for (const part of setting.split(/[\\/]+/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (!parts.length) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.length ? `${base}/${parts.join('/')}` : undefined;
}

const REASON = 'the note and its file both changed';

/** How many of its own recent writes per file the mirror recognises when they come back as events. */
const RECENT = 8;

export class NoteMirror {
  /** The texts this mirror recently wrote to or read from each file: its own writes come back as events. */
  private readonly known = new Map<string, string[]>();
  /** Per file: a write in flight, and the text to write after it (typing goes faster than files). */
  private readonly writing = new Map<string, { next?: string; done: Promise<void> }>();
  /** Files whose last write failed: the text they should hold, written again until it is. */
  private readonly failing = new Retries<string>((path, text) => void this.writeFile(path, text).catch(() => undefined));

  constructor(
    private readonly fs: NoteFileSystem,
    /** The notes folder (absolute). */
    private readonly root: string,
    private readonly store: StudyStore,
    private readonly bankId: () => string,
  ) {}

  dirOf(bankId = this.bankId()): string {
    return `${this.root}/${fileNameOf(bankId).slice(0, -3)}`;
  }

  pathOf(id: string, bankId = this.bankId()): string {
    return `${this.dirOf(bankId)}/${fileNameOf(id)}`;
  }

  /** The question a path in the notes folder is the note of (in the bank shown), if any. */
  idOf(path: string): string | undefined {
    const dir = this.dirOf() + '/';
    if (!path.startsWith(dir) || path.slice(dir.length).includes('/')) return undefined;
    return idOfFileName(path.slice(dir.length));
  }

  /** Brings the bank's notes and files in step: the newer wins, the other is kept as a copy. */
  async reconcile(): Promise<void> {
    const bankId = this.bankId();
    const ids = new Set(this.store.notedIds(bankId));
    for (const name of await this.fs.list(this.dirOf(bankId))) {
      const id = idOfFileName(name);
      if (id !== undefined) ids.add(id);
    }
    for (const id of ids) {
      const path = this.pathOf(id, bankId);
      const file = await this.fs.read(path);
      const note = this.store.notes.get(bankId, id);
      if (!file) {
        if (note.text) await this.writeFile(path, note.text);
        continue;
      }
      this.remember(path, file.text);
      if (file.text === note.text) continue;
      if (!note.text || file.mtime > (note.updated ?? 0)) await this.store.notes.adopt(bankId, id, file.text, REASON);
      else {
        this.store.notes.keepCopy(bankId, id, file.text, REASON);
        await this.writeFile(path, note.text);
      }
    }
  }

  /** A note of the bank shown changed: its file follows. */
  noteChanged(id: string, text: string): Promise<void> {
    const path = this.pathOf(id);
    const known = this.known.get(path);
    if (known && known[known.length - 1] === text && !this.failing.has(path)) return Promise.resolve();
    return this.writeFile(path, text);
  }

  /** Files that could not be written changed (one failed, or was written at last: the list is empty then). */
  onDidChangeFailures(listener: (files: Array<{ path: string; reason: string }>) => void): { dispose(): void } {
    return this.failing.onDidChange((list) => listener(list.map(({ key, reason }) => ({ path: key, reason }))));
  }

  /** The files that could not be written, and why. */
  failures(): Array<{ path: string; reason: string }> {
    return this.failing.list().map(({ key, reason }) => ({ path: key, reason }));
  }

  dispose(): void {
    this.failing.dispose();
  }

  /**
   * A file in the notes folder changed: the note follows. `saved` is the text when the editor
   * saved it (what it wrote, without waiting for the file watcher); otherwise the file is read.
   */
  async fileChanged(path: string, saved?: string): Promise<void> {
    const id = this.idOf(path);
    if (id === undefined) return;
    const text = saved ?? (await this.fs.read(path))?.text;
    // Its own write coming back (this one or an earlier one still landing) is not an edit, nor is
    // the watcher's event for a save already taken. This mirror writes files whole by a rename
    // (NoteFileSystem), so its reads never see half of its own write.
    if (text === undefined || this.known.get(path)?.includes(text)) return;
    this.remember(path, text);
    await this.store.notes.adopt(this.bankId(), id, text, REASON);
  }

  /** Resolves when every file write asked for so far has settled (failures: see failures()). */
  async flush(): Promise<void> {
    while (this.writing.size) await Promise.all([...this.writing.values()].map((w) => w.done.catch(() => undefined)));
  }

  private remember(path: string, text: string): void {
    const list = this.known.get(path) ?? [];
    list.push(text);
    if (list.length > RECENT) list.shift();
    this.known.set(path, list);
  }

  /**
   * One write in flight per file; a newer text waits for it, and only the newest is written next.
   * Resolves once the file holds the text; rejects when the write failed. A failed file is not
   * forgotten: the newest text is written again, after a wait that grows, until it lands.
   */
  private writeFile(path: string, text: string): Promise<void> {
    this.remember(path, text);
    this.failing.update(path, text);
    const busy = this.writing.get(path);
    if (busy) {
      busy.next = text;
      return busy.done;
    }
    const state: { next?: string; done: Promise<void> } = { done: Promise.resolve() };
    state.done = (async () => {
      let current: string | undefined = text;
      try {
        while (current !== undefined) {
          state.next = undefined;
          try {
            await this.fs.write(path, current);
          } catch (err) {
            this.failing.failed(path, state.next ?? current, (err as Error)?.message ?? String(err));
            throw err;
          }
          if (state.next === undefined) this.failing.landed(path);
          current = state.next;
        }
      } finally {
        this.writing.delete(path);
      }
    })();
    state.done.catch(() => undefined);
    this.writing.set(path, state);
    return state.done;
  }
}
