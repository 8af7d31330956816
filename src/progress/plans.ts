// A bank's study plan (`plan/<bankId>`): the interview date the learner set, per workspace. Read
// with a bad record set aside with a warning, as other stored values are. Pure: no 'vscode'.
import * as l10n from '@vscode/l10n';
import { isRecord, SCHEMA, type Storage } from './storage';
import { keys } from '../shared/keys';

export interface StoredPlan {
  schema: typeof SCHEMA;
  /** Midnight (local time) of the interview day. */
  date: number;
  /** When the learner set it. */
  updated: number;
}

export class PlanStore {
  constructor(private readonly storage: Storage) {}

  /** The interview date of a bank, if one is set. */
  date(bankId: string): number | undefined {
    const key = keys.plan(bankId);
    const raw = this.storage.get(key);
    if (raw === undefined || raw === null) return undefined;
    if (isRecord(raw) && raw.schema === SCHEMA && Number.isSafeInteger(raw.date) && (raw.date as number) > 0) return raw.date as number;
    if (!this.storage.wasSetAside(key)) {
      this.storage.setAside(key, raw, l10n.t('The stored interview date had the wrong shape; it was set aside, not deleted.'));
      void this.storage.write(key, undefined);
    }
    return undefined;
  }

  /** Sets the interview date (its day's midnight), or clears it. Resolves once stored. */
  setDate(bankId: string, date: number | undefined): Promise<void> {
    const value: StoredPlan | undefined = date === undefined ? undefined : { schema: SCHEMA, date, updated: this.storage.now() };
    return this.storage.write(keys.plan(bankId), value);
  }
}
