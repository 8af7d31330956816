// Where the bank comes from: the file the learner chose (djangoPrep.bankFile, resolved by the
// caller), else the file DJANGO_PREP_BANK names (for tests and authors), else the bundled bank;
// and how it is loaded (the build's cache for the bundled bank, a content-keyed cache in global
// storage for others, parsed in a worker whose bundle doubles as the parser). Files are named as
// the platform's io names them (paths in Node, URIs in the browser). Pure: no 'vscode', no Node module.
import { BUNDLED_BANK_FILE, BUNDLED_BANK_ID } from './bundled';
import type { Bank } from './model';
import type { TableFormat } from './formats';
import type { BankIo } from './io';
import type { LoadOptions } from './load';

/** What the platform gives the bank: files, ids for the learner's files, and the parser. */
export interface BankPlatform {
  io: BankIo;
  /** The storage key prefix of a bank file of the learner's: its own, so ids never mix. */
  bankIdForFile(file: string): string;
  /** Parses on the calling thread (when there is no worker, or it failed). */
  parseInline(bytes: Uint8Array, fallbackTitle: string, format?: TableFormat): Bank | Promise<Bank>;
  /** The parser's bundle, run in a worker when the io can. */
  workerFile?: string;
}

export interface BankSource {
  file: string;
  /** The storage key prefix of its progress and notes. */
  bankId: string;
  load: LoadOptions;
}

export function bankSource(o: {
  extensionDir: string;
  globalStorageDir: string;
  env: Record<string, string | undefined>;
  chosenFile?: string;
  bank: BankPlatform;
}): BankSource {
  const { io } = o.bank;
  const custom = o.chosenFile || o.env.DJANGO_PREP_BANK;
  const userCache = io.join(o.globalStorageDir, 'bank-cache');
  return {
    file: custom || io.join(o.extensionDir, BUNDLED_BANK_FILE),
    bankId: custom ? o.bank.bankIdForFile(custom) : BUNDLED_BANK_ID,
    load: {
      io,
      cacheDirs: custom ? [userCache] : [io.join(io.join(o.extensionDir, 'dist'), 'bank-cache'), userCache],
      workerFile: o.bank.workerFile,
      parseInline: (bytes, title, format) => o.bank.parseInline(bytes, title, format),
    },
  };
}
