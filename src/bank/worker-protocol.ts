// The messages between the loader and the parser's thread (a worker thread in Node, a Web Worker
// in the browser), and the loader's side of them. Pure: no thread of its own.
import type { TableFormat } from './formats';

export interface WorkerRequest {
  bytes: Uint8Array;
  fallbackTitle: string;
  key: string;
  /** A table of cards (from the file's name); Markdown without it. */
  format?: TableFormat;
}

export type WorkerReply = { line: string } | { done: true } | { error: string };

/**
 * The cache lines a parser thread sends for one request, as they come; its error, or a failure
 * of the thread, is thrown. `start` wires the thread's replies and failures, then sends the request.
 */
export async function* repliedLines(start: (reply: (m: WorkerReply) => void, fail: (err: Error) => void) => void): AsyncGenerator<string> {
  const queue: WorkerReply[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  start(
    (m) => {
      queue.push(m);
      wake?.();
    },
    (err) => {
      failure ??= err;
      wake?.();
    },
  );
  for (;;) {
    while (queue.length) {
      const m = queue.shift()!;
      if ('line' in m) yield m.line;
      else if ('done' in m) return;
      else throw new Error(m.error);
    }
    if (failure) throw failure;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
  }
}
