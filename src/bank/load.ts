// Reading a bank file into a Bank: from a cache of parsed banks when the file is unchanged,
// otherwise parsed in a worker thread, with messages that name the file (and the line). Files,
// hashes and the thread come from the platform (io.ts). Pure: no 'vscode', no Node module.
import * as l10n from '@vscode/l10n';
import { bankKey, bankToLines, decodeLines, encodeLines, linesToBank } from './cache';
import type { Bank } from './model';
import { tableFormatOf, type TableFormat } from './formats';
import { baseName, type BankIo } from './io';

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
  /** Files, hashing and the parser's thread, from the platform. */
  io: BankIo;
  /** Folders of parsed banks (`<key>.ndjson`), read in order; a new parse is written to the last. */
  cacheDirs?: string[];
  /** The bundled worker script; without it, or when it fails, the bank is parsed by parseInline. */
  workerFile?: string;
  /**
   * Parses on the calling thread. The extension passes one that loads the parser from the
   * worker's bundle only when it is needed, which keeps remark out of the activation bundle.
   */
  parseInline: (bytes: Uint8Array, fallbackTitle: string, format?: TableFormat) => Bank | Promise<Bank>;
}

export function bankTitleFromFile(file: string): string {
  return baseName(file).replace(/\.[^.]*$/, '');
}

export function describeReadError(err: unknown): string {
  const code = (err as { code?: unknown } | undefined)?.code;
  if (code === 'ENOENT') return l10n.t('the file does not exist');
  if (code === 'EACCES' || code === 'EPERM') return l10n.t('permission denied');
  if (code === 'EISDIR') return l10n.t('it is a folder, not a file');
  return (err as Error)?.message ?? String(err);
}

// A cache is read and written a line at a time: a 50,000-card bank's is about 20 MB, which decoded
// or encoded whole blocked the extension host for 70-110 ms.
async function readCache(io: BankIo, cacheDir: string, key: string): Promise<Bank | undefined> {
  const bytes = await io.read(io.join(cacheDir, `${key}.ndjson`)).catch(() => undefined);
  return bytes === undefined ? undefined : linesToBank(decodeLines(bytes), key);
}

export async function writeCache(io: BankIo, cacheDir: string, key: string, lines: string[]): Promise<void> {
  try {
    await io.write(io.join(cacheDir, `${key}.ndjson`), await encodeLines(lines));
  } catch {
    // A cache that cannot be written only costs the next load a parse.
  }
}

export async function loadBankFile(file: string, options: LoadOptions): Promise<LoadedBank> {
  const fallbackTitle = bankTitleFromFile(file);
  const empty = (error: string): LoadedBank => ({ file, error, bank: { title: fallbackTitle, sections: [], problems: [] } });
  const { io } = options;
  let bytes: Uint8Array;
  try {
    const size = await io.size(file);
    if (size > BANK_MAX_BYTES) {
      return empty(
        l10n.t('Question bank {0} is too large ({1} MB; the limit is {2} MB)', file, (size / 1048576).toFixed(1), BANK_MAX_BYTES / 1048576),
      );
    }
    bytes = await io.read(file);
  } catch (err) {
    return empty(l10n.t('Cannot read question bank {0}: {1}', file, describeReadError(err)));
  }
  const format = tableFormatOf(file);
  const key = await bankKey(io, bytes, fallbackTitle, format);
  for (const dir of options.cacheDirs ?? []) {
    const cached = await readCache(io, dir, key);
    if (cached) return { file, bank: cached, via: 'cache' };
  }
  const cacheDir = options.cacheDirs?.[options.cacheDirs.length - 1];
  if (options.workerFile && io.parseInWorker) {
    try {
      const lines: string[] = [];
      async function* keep(source: AsyncIterable<string>) {
        for await (const line of source) {
          lines.push(line);
          yield line;
        }
      }
      const bytesCopy = new Uint8Array(bytes);
      const bank = await linesToBank(
        keep(io.parseInWorker(options.workerFile, { bytes: bytesCopy, fallbackTitle, key, ...(format ? { format } : {}) })),
        key,
      );
      if (bank) {
        if (cacheDir) void writeCache(io, cacheDir, key, lines);
        return { file, bank, via: 'worker' };
      }
    } catch {
      // No worker here (or it failed): parse on this thread instead, slower but complete.
    }
  }
  const bank = await options.parseInline(bytes, fallbackTitle, format);
  if (cacheDir) void writeCache(io, cacheDir, key, bankToLines(bank, key));
  return { file, bank, via: 'inline' };
}
