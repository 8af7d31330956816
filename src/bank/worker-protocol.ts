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

/** Asks the thread for the next line of the bank it parsed last. */
export interface WorkerMore {
  more: true;
}

export type WorkerReply = { line: string } | { done: true } | { error: string };

/**
 * The cache lines a parser thread sends for one request, as they come; its error, or a failure
 * of the thread, is thrown. `start` wires the thread's replies and failures, sends the request and
 * returns how to ask for the next line. A line is asked for when one arrives, so one is on its way
 * while this one is used: a thread that sent every line at once had them all taken in by the
 * receiving thread in one go (20 MB for 50,000 cards, a 100 ms block).
 */
export async function* repliedLines(
  start: (reply: (m: WorkerReply) => void, fail: (err: Error) => void) => () => void,
): AsyncGenerator<string> {
  const queue: WorkerReply[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  /** Lines that came before `start` returned are counted, and asked for once it has. */
  let owed = 0;
  let more: () => void = () => void owed++;
  more = start(
    (m) => {
      if ('line' in m) more();
      queue.push(m);
      wake?.();
    },
    (err) => {
      failure ??= err;
      wake?.();
    },
  );
  for (; owed > 0; owed--) more();
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
