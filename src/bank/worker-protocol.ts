// The messages between the loader and the parser's thread (a worker thread in Node, a Web Worker
// in the browser). Pure: types only.

export interface WorkerRequest {
  bytes: Uint8Array;
  fallbackTitle: string;
  key: string;
}

export type WorkerReply = { line: string } | { done: true } | { error: string };
