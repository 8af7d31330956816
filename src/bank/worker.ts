// The parser's thread, one bundle (dist/bank-worker.js) for both extension hosts: remark takes
// about 2 s for a 1 MB bank, and the host's thread is shared by every extension. The bank comes
// back as cache lines. In Node it runs as a worker thread (and is required on the main thread for
// the inline parse and the notes' preview); in the browser's extension host, as a Web Worker made
// from its text (platform/web.ts), where it is built for: no DOM, no Node module at load.
import { parseDecoded } from './decode';
import { bankToLines } from './cache';
import type { WorkerMore, WorkerReply, WorkerRequest } from './worker-protocol';

export { parseDecoded };
export { noteBlocks } from './note-markdown';
// Node's extension bundle takes MiniSearch from here at its first search (scripts/build.mjs), not at activation.
export { default as MiniSearch } from 'minisearch';
export type { WorkerReply, WorkerRequest };

/** The lines of the bank parsed last, sent one per ask (`more`), the first at once. */
let unsent: string[] = [];

function answer(request: WorkerRequest | WorkerMore, post: (reply: WorkerReply) => void): void {
  if ('more' in request) {
    const line = unsent.pop();
    post(line === undefined ? { done: true } : { line });
    return;
  }
  try {
    const bank = parseDecoded(request.bytes, request.fallbackTitle, request.format);
    unsent = bankToLines(bank, request.key).reverse();
    post({ line: unsent.pop()! });
  } catch (err) {
    unsent = [];
    post({ error: String((err as Error)?.message ?? err) });
  }
}

declare const WorkerGlobalScope: unknown;
type WebWorkerScope = { onmessage: ((e: { data: WorkerRequest | WorkerMore }) => void) | null; postMessage(m: WorkerReply): void };

if (typeof WorkerGlobalScope !== 'undefined') {
  const scope = globalThis as unknown as WebWorkerScope;
  scope.onmessage = (event) => answer(event.data, (reply) => scope.postMessage(reply));
} else {
  // Loaded when needed only, so that a Web Worker never asks for it.
  const { isMainThread, parentPort } = require('node:worker_threads') as typeof import('node:worker_threads');
  if (!isMainThread && parentPort)
    parentPort.on('message', (request: WorkerRequest | WorkerMore) => answer(request, (reply) => parentPort.postMessage(reply)));
}
