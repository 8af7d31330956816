// Build step: parses a bank file into the cache format, so the extension only reads it.
import { readFile } from 'node:fs/promises';
import { bankKey, bankToLines } from './cache';
import { bankTitleFromFile, writeCache } from './load';
import { parseDecoded } from './decode';
import { nodeBankIo } from './io-node';

export async function precompute(file: string, cacheDir: string): Promise<string> {
  const bytes = await readFile(file);
  const title = bankTitleFromFile(file);
  const key = await bankKey(nodeBankIo, bytes, title);
  await writeCache(nodeBankIo, cacheDir, key, bankToLines(parseDecoded(bytes, title), key));
  return key;
}
