// Reading a bank file into a Bank, with a message naming the file when it cannot be read.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseBank } from './parse';
import type { Bank } from './model';

export interface LoadedBank {
  file: string;
  bank: Bank;
  /** Set when the file could not be read at all. */
  error?: string;
}

export async function loadBankFile(file: string): Promise<LoadedBank> {
  const fallbackTitle = basename(file).replace(/\.[^.]*$/, '');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'the file does not exist' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    return { file, error: `Cannot read question bank ${file}: ${why}`, bank: { title: fallbackTitle, sections: [], problems: [] } };
  }
  return { file, bank: parseBank(text, { fallbackTitle }) };
}
