// The bank loader's platform in Node's extension host (and the build, the bench and the tests):
// node:fs, node:crypto and a worker thread running the bundled parser.
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { BankIo } from './io';
import { repliedLines, type WorkerMore, type WorkerRequest } from './worker-protocol';

export const nodeBankIo: BankIo = {
  async size(file) {
    return (await stat(file)).size;
  },
  read: (file) => readFile(file),
  async write(file, bytes) {
    await mkdir(dirname(file), { recursive: true });
    // A temporary file renamed over the old one: a reader never sees half a file.
    const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temp, bytes);
    await rename(temp, file);
  },
  join,
  async sha256(parts) {
    const hash = createHash('sha256');
    for (const p of parts) hash.update(p);
    return hash.digest('hex');
  },
  parseInWorker: workerLines,
};

async function* workerLines(workerFile: string, request: WorkerRequest): AsyncGenerator<string> {
  // Loaded on first use: activation with a cached bank never needs a thread.
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(workerFile);
  try {
    yield* repliedLines((reply, fail) => {
      worker.on('message', reply);
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`the parser worker stopped (code ${code}) before it was done`)));
      worker.postMessage(request);
      return () => worker.postMessage({ more: true } satisfies WorkerMore);
    });
  } finally {
    void worker.terminate();
  }
}
