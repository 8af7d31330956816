// A bank's study sets behind the storage door: read once and kept, a record of the wrong shape set
// aside with a warning (the bank then has no sets), each change written (rejected writes are
// retried by Storage) and merged across windows mark by mark (set-record.ts). Pure: no 'vscode'.
import * as l10n from '@vscode/l10n';
import { Emitter, type Event } from '../util/emitter';
import type { Storage } from './storage';
import { keys, parseKey } from '../shared/keys';
import { liveSets, MAX_SETS, readSets, withMark, withoutSet, withSet, type StoredSets } from './set-record';

export class SetStore {
  private readonly banks = new Map<string, { stored: StoredSets; live: Map<string, Set<string>> }>();
  private readonly _onDidChangeSets = new Emitter<{ bankId: string }>();
  /** A bank's sets changed (here, in another window, or by a restored backup). */
  readonly onDidChangeSets: Event<{ bankId: string }> = this._onDidChangeSets.event;

  constructor(private readonly storage: Storage) {}

  /** The bank's sets by name (sorted), each with its questions. */
  all(bankId: string): ReadonlyMap<string, ReadonlySet<string>> {
    return this.bank(bankId).live;
  }

  /** The names of the sets a question is in. */
  setsOf(bankId: string, id: string): string[] {
    return [...this.all(bankId)].filter(([, ids]) => ids.has(id)).map(([name]) => name);
  }

  /**
   * Puts questions in a set, or takes them out (the set is made if need be; the caller checked
   * its name). False when the bank has as many sets as it may keep and this would be a new one.
   */
  mark(bankId: string, name: string, ids: readonly string[], inSet: boolean): { written: Promise<void> } | false {
    const { stored, live } = this.bank(bankId);
    if (!live.has(name) && live.size >= MAX_SETS) return false;
    let next = withSet(stored, name, this.storage.now());
    for (const id of ids) next = withMark(next, name, id, inSet, this.storage.now());
    return { written: this.save(bankId, next) };
  }

  /** Deletes a set (its questions stay in the bank). */
  remove(bankId: string, name: string): Promise<void> {
    return this.save(bankId, withoutSet(this.bank(bankId).stored, name, this.storage.now()));
  }

  /** Another window (or a restored backup) changed this key, already merged into storage. */
  changedElsewhere(key: string): void {
    const parsed = parseKey(key);
    if (parsed?.kind !== 'sets' || !this.banks.has(parsed.bankId)) return;
    this.banks.delete(parsed.bankId);
    this._onDidChangeSets.fire({ bankId: parsed.bankId });
  }

  dispose(): void {
    this._onDidChangeSets.dispose();
  }

  private save(bankId: string, stored: StoredSets): Promise<void> {
    this.banks.set(bankId, { stored, live: liveSets(stored) });
    const written = this.storage.write(keys.sets(bankId), stored);
    this._onDidChangeSets.fire({ bankId });
    return written;
  }

  private bank(bankId: string): { stored: StoredSets; live: Map<string, Set<string>> } {
    let bank = this.banks.get(bankId);
    if (!bank) {
      const key = keys.sets(bankId);
      const raw = this.storage.get(key);
      let stored = readSets(raw);
      if (!stored) {
        if (!this.storage.wasSetAside(key)) {
          this.storage.setAside(key, raw, l10n.t('The stored study sets had the wrong shape; they were set aside, not deleted.'));
          void this.storage.write(key, undefined);
        }
        stored = readSets(undefined)!;
      }
      bank = { stored, live: liveSets(stored) };
      this.banks.set(bankId, bank);
    }
    return bank;
  }
}
