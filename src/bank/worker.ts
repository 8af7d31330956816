// Parses a bank off the extension host's main thread: remark takes about 2 s for a 1 MB bank,
// and that thread is shared by every extension. The bank comes back as cache lines.
import { isMainThread, parentPort } from 'node:worker_threads';
import { parseDecoded } from './decode';

/** The same bundle serves as the parser on the main thread, required only when needed, and renders notes for the page's Preview. */
export { parseDecoded };
export { noteBlocks } from './note-markdown';
import { bankToLines } from './cache';

import type { WorkerReply, WorkerRequest } from './worker-protocol';
export type { WorkerReply, WorkerRequest };

if (!isMainThread) parentPort?.on('message', (request: WorkerRequest) => {
  try {
    const bank = parseDecoded(request.bytes, request.fallbackTitle);
    for (const line of bankToLines(bank, request.key)) parentPort!.postMessage({ line } satisfies WorkerReply);
    parentPort!.postMessage({ done: true } satisfies WorkerReply);
  } catch (err) {
    parentPort!.postMessage({ error: String((err as Error)?.message ?? err) } satisfies WorkerReply);
  }
});
