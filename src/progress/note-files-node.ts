// Notes as files on disk (Node's extension host): each written whole, a temporary file beside it
// renamed over it, so a reader never sees half a note.
import { mkdir, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { NoteFileSystem } from './note-files';

export const nodeNoteFiles: NoteFileSystem = {
  async read(path) {
    try {
      const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
      return { text, mtime: info.mtimeMs };
    } catch {
      return undefined;
    }
  },
  async write(path, text) {
    await mkdir(dirname(path), { recursive: true });
    const temp = join(dirname(path), `.${randomBytes(4).toString('hex')}.tmp`);
    await writeFile(temp, text, 'utf8');
    await rename(temp, path);
  },
  async list(dir) {
    try {
      return (await readdir(dir)).filter((n) => n.endsWith('.md'));
    } catch {
      return [];
    }
  },
};
