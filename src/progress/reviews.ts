// Each question's review state (FSRS card and history) per bank, behind the same storage door as
// progress and notes: versioned, merged across windows by history, a bad value set aside with a
// warning and the question treated as never reviewed. Pure: no 'vscode'.
import * as l10n from '@vscode/l10n';
import { Emitter, type Event } from '../util/emitter';
import type { Storage } from './storage';
import { rateCard, type Rating } from '../review/fsrs';
import { parseReviewKey, readReview, withReview, type StoredReview } from '../review/record';
import { keys } from '../shared/keys';

export interface ReviewChange {
  bankId: string;
  /** The questions whose review state changed. */
  ids: string[];
}

export class ReviewStore {
  private readonly banks = new Map<string, Map<string, StoredReview>>();
  private readonly _onDidChangeReview = new Emitter<ReviewChange>();
  readonly onDidChangeReview: Event<ReviewChange> = this._onDidChangeReview.event;

  constructor(private readonly storage: Storage) {}

  /** Reads a bank's review records once (every `review/<bankId>/…` key). */
  open(bankId: string): void {
    if (this.banks.has(bankId)) return;
    const records = new Map<string, StoredReview>();
    this.banks.set(bankId, records);
    const prefix = keys.prefix('review', bankId);
    for (const key of this.storage.keys()) {
      if (!key.startsWith(prefix)) continue;
      const review = this.read(key);
      if (review) records.set(key.slice(prefix.length), review);
    }
  }

  /** The question's review record, or undefined when it was never rated. */
  get(bankId: string, id: string): StoredReview | undefined {
    return this.records(bankId).get(id);
  }

  /** Every rated question of a bank. */
  all(bankId: string): ReadonlyMap<string, StoredReview> {
    return this.records(bankId);
  }

  /** Rates a question now: FSRS schedules its next review; the review joins its history. */
  rate(bankId: string, id: string, rating: Rating, maxIntervalDays?: number): { review: StoredReview; written: Promise<void> } {
    const records = this.records(bankId);
    const previous = records.get(id);
    const { card, entry } = rateCard(previous?.card, rating, this.storage.now(), maxIntervalDays);
    const review = withReview(previous, card, entry);
    records.set(id, review);
    const written = this.storage.write(keys.review(bankId, id), review);
    this._onDidChangeReview.fire({ bankId, ids: [id] });
    return { review, written };
  }

  /** Another window (or a restored backup) changed this key, already merged into storage. */
  changedElsewhere(key: string): void {
    const parsed = parseReviewKey(key);
    if (!parsed || !this.banks.has(parsed.bankId)) return;
    const review = this.read(key);
    const records = this.records(parsed.bankId);
    if (review) records.set(parsed.id, review);
    else records.delete(parsed.id);
    this._onDidChangeReview.fire({ bankId: parsed.bankId, ids: [parsed.id] });
  }

  dispose(): void {
    this._onDidChangeReview.dispose();
  }

  private records(bankId: string): Map<string, StoredReview> {
    this.open(bankId);
    return this.banks.get(bankId)!;
  }

  private read(key: string): StoredReview | undefined {
    const raw = this.storage.get(key);
    if (raw === undefined) return undefined;
    const read = readReview(raw);
    const id = parseReviewKey(key)?.id ?? key;
    if (!read) {
      if (!this.storage.wasSetAside(key)) {
        this.storage.setAside(
          key,
          raw,
          l10n.t('The stored review history of question "{0}" had the wrong shape; it was set aside, not deleted.', id) +
            ' ' +
            l10n.t('The question counts as not yet reviewed.'),
        );
        void this.storage.write(key, undefined);
      }
      return undefined;
    }
    if (read.repaired) {
      this.storage.setAside(
        key,
        raw,
        l10n.t('The stored review card of question "{0}" had the wrong shape; it was rebuilt from its review history.', id),
      );
      void this.storage.write(key, read.review);
    }
    return read.review;
  }
}
