// Mock interview runs, stored beside progress and notes (`mock/<bankId>/<runId>`): read, written
// as the learner types, a bad record set aside with a warning. Pure: no 'vscode'.
import * as l10n from '@vscode/l10n';
import type { Storage } from './storage';
import { readMock, type StoredMock } from '../review/mock';
import { keys } from '../shared/keys';

export class MockStore {
  constructor(private readonly storage: Storage) {}

  get(bankId: string, runId: string): StoredMock | undefined {
    const key = keys.mock(bankId, runId);
    const raw = this.storage.get(key);
    if (raw === undefined) return undefined;
    // A run restored from another bank's backup sits under this bank's key: it is this bank's now.
    const read = readMock(raw);
    const mock = read && { ...read, bankId, runId };
    if (!mock && !this.storage.wasSetAside(key)) {
      this.storage.setAside(key, raw, l10n.t('A stored mock interview had the wrong shape; it was set aside, not deleted.'));
      void this.storage.write(key, undefined);
    }
    return mock;
  }

  /** Every run of a bank, the newest first. */
  list(bankId: string): StoredMock[] {
    const prefix = keys.prefix('mock', bankId);
    return this.storage
      .keys()
      .filter((k) => k.startsWith(prefix))
      .map((k) => this.get(bankId, k.slice(prefix.length)))
      .filter((m): m is StoredMock => !!m)
      .sort((a, b) => b.started - a.started);
  }

  save(mock: StoredMock): Promise<void> {
    return this.storage.write(keys.mock(mock.bankId, mock.runId), mock);
  }
}
