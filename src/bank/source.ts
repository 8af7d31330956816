// Where the bank comes from: the file the learner chose (djangoPrep.bankFile, resolved by the
// caller), else the file DJANGO_PREP_BANK names (for tests and authors), else the bundled bank;
// how it is loaded
// (the build's cache for the bundled bank, a content-keyed cache in global storage for others,
// parsed in a worker thread whose bundle doubles as the parser). Pure: plain paths, no 'vscode'.
import { join } from 'node:path';
import { BUNDLED_BANK_FILE, BUNDLED_BANK_ID, bankIdForFile } from './bundled';
import type { LoadOptions } from './load';
import { nodeBankIo } from './io-node';

export interface BankSource {
  file: string;
  /** The storage key prefix of its progress and notes. */
  bankId: string;
  load: LoadOptions;
}

export function bankSource(o: { extensionDir: string; globalStorageDir: string; env: Record<string, string | undefined>; chosenFile?: string }): BankSource {
  const custom = o.chosenFile || o.env.DJANGO_PREP_BANK;
  const dist = join(o.extensionDir, 'dist');
  const userCache = join(o.globalStorageDir, 'bank-cache');
  const workerFile = join(dist, 'bank-worker.js');
  return {
    file: custom || join(o.extensionDir, BUNDLED_BANK_FILE),
    bankId: custom ? bankIdForFile(custom) : BUNDLED_BANK_ID,
    load: {
      io: nodeBankIo,
      cacheDirs: custom ? [userCache] : [join(dist, 'bank-cache'), userCache],
      workerFile,
      // remark stays out of the extension's bundle: the worker's bundle is the parser, loaded only if needed.
      parseInline: (bytes, title) => (require(workerFile) as typeof import('./worker')).parseDecoded(bytes, title),
    },
  };
}
