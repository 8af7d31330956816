// The journal's file on the extension host's disk (Node fs; no 'vscode').
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { JournalFile } from './journal';

export function nodeJournalFile(path: string): JournalFile {
  return {
    async read() {
      try {
        return await readFile(path, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
    async write(text) {
      await mkdir(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      await writeFile(tmp, text, 'utf8');
      await rename(tmp, path);
    },
  };
}

/** One journal per workspace, named by a hash of the workspace's identity. */
export function journalPath(globalStorageDir: string, workspaceIdentity: string): string {
  const hash = createHash('sha256').update(workspaceIdentity).digest('hex').slice(0, 20);
  return join(globalStorageDir, 'journals', `${hash}.json`);
}
