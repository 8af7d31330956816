// The bank's platform in Node's extension host: files by path, a worker thread, and the parser
// loaded from the worker's bundle when a bank must be parsed on the calling thread.
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { nodeBankIo } from './io-node';
import type { BankPlatform } from './source';

/** Storage key prefix for a bank from a file of the user's: its own, so ids never mix with the bundled bank's. */
export function bankIdForFile(file: string): string {
  return `file-${createHash('sha256').update(resolve(file)).digest('hex').slice(0, 16)}`;
}

export function nodeBankPlatform(extensionDir: string): BankPlatform {
  const workerFile = join(extensionDir, 'dist', 'bank-worker.js');
  return {
    io: nodeBankIo,
    bankIdForFile,
    workerFile,
    // remark stays out of the extension's bundle: the worker's bundle is the parser, loaded only if needed.
    parseInline: (bytes, title, format) => (require(workerFile) as typeof import('./worker')).parseDecoded(bytes, title, format),
  };
}
