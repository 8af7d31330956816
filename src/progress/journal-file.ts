// The journal's folder on the extension host's disk (Node fs; no 'vscode').
import { appendFile, mkdir, open, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { watch } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { JournalDir } from './journal';

export function nodeJournalDir(dir: string): JournalDir {
  const ready = mkdir(dir, { recursive: true });
  return {
    async list() {
      await ready;
      return readdir(dir);
    },
    async read(name, from) {
      let handle;
      try {
        handle = await open(join(dir, name), 'r');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
      try {
        const { size } = await handle.stat();
        // A file smaller than what was read of it was replaced: read it again from the start.
        const start = size < from ? 0 : from;
        const buffer = Buffer.alloc(size - start);
        await handle.read(buffer, 0, buffer.length, start);
        // Only whole lines: a newline byte never occurs inside a UTF-8 sequence.
        const last = buffer.lastIndexOf(0x0a);
        return { text: last < 0 ? '' : buffer.subarray(0, last + 1).toString('utf8'), end: start + last + 1 };
      } finally {
        await handle.close();
      }
    },
    async append(name, text) {
      await ready;
      await appendFile(join(dir, name), text, 'utf8');
    },
    async create(name, text) {
      await ready;
      const tmp = join(dir, `${name}.${process.pid}.tmp`);
      await writeFile(tmp, text, 'utf8');
      await rename(tmp, join(dir, name));
    },
    async remove(name) {
      await rm(join(dir, name), { force: true });
    },
    watch(onChange) {
      let watcher: ReturnType<typeof watch> | undefined;
      void ready.then(() => {
        try {
          watcher = watch(dir, { persistent: false }, () => onChange());
          watcher.on('error', () => watcher?.close());
        } catch {
          /* no change events here: the journal's poll still follows */
        }
      });
      return { dispose: () => watcher?.close() };
    },
  };
}

/** One journal folder per workspace, named by a hash of the workspace's identity. */
export function journalDirPath(globalStorageDir: string, workspaceIdentity: string): string {
  return join(globalStorageDir, 'journals', workspaceHash(workspaceIdentity));
}

function workspaceHash(workspaceIdentity: string): string {
  return createHash('sha256').update(workspaceIdentity).digest('hex').slice(0, 20);
}
