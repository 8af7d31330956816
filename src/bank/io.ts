// What loading a bank needs from the platform it runs on: reading and writing files, hashing and
// a thread to parse in. Node's extension host gives these through node:fs, node:crypto and
// worker_threads (io-node.ts); the browser's would give them through vscode.workspace.fs,
// crypto.subtle and a Web Worker. The loader (load.ts) sees only this. Pure: no 'vscode'.
import type { WorkerRequest } from './worker-protocol';

export interface BankIo {
  /** The file's size in bytes. Throws an error with a `code` (ENOENT, EACCES, EISDIR…) when it cannot. */
  size(file: string): Promise<number>;
  read(file: string): Promise<Uint8Array>;
  /** Writes a whole file so that a reader never sees half of it; creates its folder. */
  write(file: string, bytes: Uint8Array): Promise<void>;
  join(dir: string, name: string): string;
  /** SHA-256 of the parts, in hex. */
  sha256(parts: ReadonlyArray<string | Uint8Array>): Promise<string>;
  /** Parses in a thread of its own, yielding the bank as cache lines; absent where there is none. */
  parseInWorker?(workerFile: string, request: WorkerRequest): AsyncIterable<string>;
}

/** The last part of a path or URI, without its folder. */
export function baseName(file: string): string {
  return (
    file
      .replace(/[\\/]+$/, '')
      .split(/[\\/]/)
      .pop() ?? file
  );
}
