// Reading a bank file into a Bank: from a cache of parsed banks when the file is unchanged,
// otherwise parsed in a worker thread, with messages that name the file (and the line).
import * as l10n from '@vscode/l10n';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { bankKey, bankToLines, linesToBank } from './cache';
import type { Bank } from './model';
import type { WorkerReply, WorkerRequest } from './worker';

/** Larger files are refused rather than parsed: a bank this size is almost surely not a bank. */
export const BANK_MAX_BYTES = 16 * 1024 * 1024;

export interface LoadedBank {
  file: string;
  bank: Bank;
  /** Set when the file could not be read at all. */
  error?: string;
  /** How the bank was made ready. */
  via?: 'cache' | 'worker' | 'inline';
}

export interface LoadOptions {
  /** Folders of parsed banks (`<key>.ndjson`), read in order; a new parse is written to the last. */
  cacheDirs?: string[];
  /** The bundled worker script; without it, or when it fails, the bank is parsed by parseInline. */
  workerFile?: string;
  /**
   * Parses on the calling thread. The extension passes one that loads the parser from the
   * worker's bundle only when it is needed, which keeps remark out of the activation bundle.
   */
  parseInline: (bytes: Buffer, fallbackTitle: string) => Bank;
}

export function bankTitleFromFile(file: string): string {
  return basename(file).replace(/\.[^.]*$/, '');
}

export function describeReadError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return l10n.t('the file does not exist');
  if (code === 'EACCES' || code === 'EPERM') return l10n.t('permission denied');
  if (code === 'EISDIR') return l10n.t('it is a folder, not a file');
  return (err as Error)?.message ?? String(err);
}

async function* workerLines(workerFile: string, request: WorkerRequest): AsyncGenerator<string> {
  // Loaded on first use: activation with a cached bank never needs a thread.
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(workerFile);
  const queue: WorkerReply[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  worker.on('message', (m: WorkerReply) => {
    queue.push(m);
    wake?.();
  });
  worker.on('error', (err) => {
    failure = err;
    wake?.();
  });
  worker.on('exit', (code) => {
    if (code !== 0 && !failure) failure = new Error(`the parser worker stopped with code ${code}`);
    wake?.();
  });
  worker.postMessage(request);
  try {
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
  } finally {
    void worker.terminate();
  }
}

async function readCache(cacheDir: string, key: string): Promise<Bank | undefined> {
  let text: string;
  try {
    text = await readFile(join(cacheDir, `${key}.ndjson`), 'utf8');
  } catch {
    return undefined;
  }
  return linesToBank(text.split('\n'), key);
}

export async function writeCache(cacheDir: string, key: string, lines: string[]): Promise<void> {
  try {
    await mkdir(cacheDir, { recursive: true });
    const file = join(cacheDir, `${key}.ndjson`);
    await writeFile(`${file}.${process.pid}.tmp`, lines.join('\n'));
    await rename(`${file}.${process.pid}.tmp`, file);
  } catch {
    // A cache that cannot be written only costs the next load a parse.
  }
}

export async function loadBankFile(file: string, options: LoadOptions): Promise<LoadedBank> {
  const fallbackTitle = bankTitleFromFile(file);
  const empty = (error: string): LoadedBank => ({ file, error, bank: { title: fallbackTitle, sections: [], problems: [] } });
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.size > BANK_MAX_BYTES) {
      return empty(l10n.t('Question bank {0} is too large ({1} MB; the limit is {2} MB)', file, (info.size / 1048576).toFixed(1), BANK_MAX_BYTES / 1048576));
    }
    bytes = await readFile(file);
  } catch (err) {
    return empty(l10n.t('Cannot read question bank {0}: {1}', file, describeReadError(err)));
  }
  const key = bankKey(bytes, fallbackTitle);
  for (const dir of options.cacheDirs ?? []) {
    const cached = await readCache(dir, key);
    if (cached) return { file, bank: cached, via: 'cache' };
  }
  const cacheDir = options.cacheDirs?.[options.cacheDirs.length - 1];
  if (options.workerFile) {
    try {
      const lines: string[] = [];
      async function* keep(source: AsyncIterable<string>) {
        for await (const line of source) {
          lines.push(line);
          yield line;
        }
      }
      const bytesCopy = new Uint8Array(bytes);
      const bank = await linesToBank(keep(workerLines(options.workerFile, { bytes: bytesCopy, fallbackTitle, key })), key);
      if (bank) {
        if (cacheDir) void writeCache(cacheDir, key, lines);
        return { file, bank, via: 'worker' };
      }
    } catch {
      // No worker here (or it failed): parse on this thread instead, slower but complete.
    }
  }
  const bank = options.parseInline(bytes, fallbackTitle);
  if (cacheDir) void writeCache(cacheDir, key, bankToLines(bank, key));
  return { file, bank, via: 'inline' };
}
