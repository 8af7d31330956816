// Each question's review state (FSRS card and history) per bank, behind the same storage door as
// progress and notes: versioned, merged across windows by history, a bad value set aside with a
// warning and the question treated as never reviewed. Pure: no 'vscode'.
import * as l10n from '@vscode/l10n';
import { Emitter, type Event } from '../util/emitter';
import type { Storage } from './storage';
import { rateCard, type Rating } from '../review/fsrs';
import { parseReviewKey, readReview, withoutLastReview, withReview, type StoredReview } from '../review/record';
import { keys } from '../shared/keys';

export interface ReviewChange {
  bankId: string;
  /** The questions whose review state changed. */
  ids: string[];
}

export class ReviewStore {
  /** Per bank, the questions reviewed: a record whose every review was undone is not among them. */
  private readonly banks = new Map<string, Map<string, StoredReview>>();
  /** Per bank, the records whose every review was undone (kept for their list of undone reviews). */
  private readonly undoneOnly = new Map<string, Map<string, StoredReview>>();
  private readonly _onDidChangeReview = new Emitter<ReviewChange>();
  readonly onDidChangeReview: Event<ReviewChange> = this._onDidChangeReview.event;

  constructor(private readonly storage: Storage) {}

  /** Reads a bank's review records once (every `review/<bankId>/…` key). */
  open(bankId: string): void {
    if (this.banks.has(bankId)) return;
    this.banks.set(bankId, new Map());
    this.undoneOnly.set(bankId, new Map());
    const prefix = keys.prefix('review', bankId);
    for (const key of this.storage.keys()) {
      if (!key.startsWith(prefix)) continue;
      this.put(bankId, key.slice(prefix.length), this.read(key));
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
    const previous = this.record(bankId, id);
    const { card, entry } = rateCard(previous?.log.length ? previous.card : undefined, rating, this.storage.now(), maxIntervalDays);
    return this.save(bankId, id, withReview(previous, card, entry));
  }

  /**
   * Takes back the question's last review: its card as it was before, the review remembered as
   * undone (so a merge cannot bring it back). Undefined when it has none.
   */
  undo(bankId: string, id: string): { review: StoredReview; written: Promise<void> } | undefined {
    const previous = this.record(bankId, id);
    const review = previous && withoutLastReview(previous, this.storage.now());
    return review && this.save(bankId, id, review);
  }

  /** The bank's latest review that can be undone: its question and when it was made. */
  latest(bankId: string): { id: string; at: number } | undefined {
    let latest: { id: string; at: number } | undefined;
    for (const [id, review] of this.records(bankId)) {
      const at = review.log.at(-1)?.at ?? -1;
      if (!latest || at > latest.at) latest = { id, at };
    }
    return latest;
  }

  private save(bankId: string, id: string, review: StoredReview): { review: StoredReview; written: Promise<void> } {
    this.put(bankId, id, review);
    const written = this.storage.write(keys.review(bankId, id), review);
    this._onDidChangeReview.fire({ bankId, ids: [id] });
    return { review, written };
  }

  /** The stored record, a record of undone reviews only too. */
  private record(bankId: string, id: string): StoredReview | undefined {
    return this.records(bankId).get(id) ?? this.undoneOnly.get(bankId)?.get(id);
  }

  /** Files a record as reviewed, as undone only, or (undefined) as gone. */
  private put(bankId: string, id: string, review: StoredReview | undefined): void {
    const records = this.banks.get(bankId)!;
    const undone = this.undoneOnly.get(bankId)!;
    records.delete(id);
    undone.delete(id);
    if (review?.log.length) records.set(id, review);
    else if (review) undone.set(id, review);
  }

  /** Another window (or a restored backup) changed this key, already merged into storage. */
  changedElsewhere(key: string): void {
    const parsed = parseReviewKey(key);
    if (!parsed || !this.banks.has(parsed.bankId)) return;
    this.put(parsed.bankId, parsed.id, this.read(key));
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
