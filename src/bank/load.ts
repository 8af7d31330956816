// Reading a bank file into a Bank, with messages that name the file (and the line, where there is one).
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseBank } from './parse';
import type { Bank } from './model';

/** Larger files are refused rather than parsed: a bank this size is almost surely not a bank. */
export const BANK_MAX_BYTES = 16 * 1024 * 1024;

export interface LoadedBank {
  file: string;
  bank: Bank;
  /** Set when the file could not be read at all. */
  error?: string;
}

export function bankTitleFromFile(file: string): string {
  return basename(file).replace(/\.[^.]*$/, '');
}

export function describeReadError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'the file does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  return (err as Error)?.message ?? String(err);
}

/** Decodes a bank's bytes as UTF-8, with a problem naming the first line that is not UTF-8. */
export function decodeBank(bytes: Buffer): { text: string; problem?: { line: number; message: string } } {
  const text = bytes.toString('utf8');
  // Valid UTF-8 survives a round trip byte for byte (buffer.isUtf8 needs Node 18.14; VS Code 1.80 has 16).
  if (Buffer.from(text, 'utf8').equals(bytes)) return { text };
  const bad = text.indexOf('\ufffd');
  const line = text.slice(0, Math.max(0, bad)).split('\n').length;
  return { text, problem: { line, message: 'the file is not valid UTF-8 text: it may be binary; unreadable bytes are shown as \ufffd' } };
}

export async function loadBankFile(file: string): Promise<LoadedBank> {
  const fallbackTitle = bankTitleFromFile(file);
  const empty = (error: string): LoadedBank => ({ file, error, bank: { title: fallbackTitle, sections: [], problems: [] } });
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.isDirectory()) return empty(`Cannot read question bank ${file}: it is a folder, not a file`);
    if (info.size > BANK_MAX_BYTES) {
      return empty(`Question bank ${file} is too large (${(info.size / 1048576).toFixed(1)} MB; the limit is ${BANK_MAX_BYTES / 1048576} MB)`);
    }
    bytes = await readFile(file);
  } catch (err) {
    return empty(`Cannot read question bank ${file}: ${describeReadError(err)}`);
  }
  const { text, problem } = decodeBank(bytes);
  const bank = parseBank(text, { fallbackTitle });
  if (problem) {
    bank.problems.unshift(problem);
    bank.problems.sort((a, b) => a.line - b.line);
  }
  return { file, bank };
}
