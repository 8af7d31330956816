// One bank with its progress: lookups, counts and reading order for the tree, the page and commands.
import type { Bank, QuestionEntry, Section } from '../bank/model';
import { Reading } from './reading';
import { Emitter, type Event } from '../util/emitter';
import { Disposable } from '../util/disposable';
import type { StudyStore, StoreWarning } from './store';
import type { NotePage } from './notes';
import type { ConflictCopy, NoteRecord } from './note-record';
import type { NoteStamp } from '../shared/note-sync';
import { QuestionSearch, type Hit } from '../search/search';
import type { Rating } from '../review/fsrs';
import type { StoredReview } from '../review/record';
import { dueIds, mockQuestions, newIds, nextDue, reviewQueue } from '../review/queue';
import { dayPlan, daysUntil, longestInterval, type DayPlan, type PlanLimits } from '../review/plan';
import { statistics, type Statistics } from '../review/stats';

export interface Count {
  done: number;
  total: number;
}

/** This bank's done state changed: for these questions, or (undefined) for many at once. */
export interface ProgressChanged {
  ids?: string[];
}

/** A note of this bank changed (in this window or another). */
export interface NoteChanged {
  id: string;
  text: string;
  stamp: NoteStamp;
  origin?: unknown;
}

/** The study moved to another bank, or to a new reading of the same bank file. */
export interface BankChanged {
  /** The same bank (its id unchanged): the file was edited; ticks and notes of unchanged ids stay. */
  sameBank: boolean;
}

/**
 * One bank with its progress and notes: the only door to them for the tree, the pages and the
 * commands. Its events are this bank's only. The bank can be replaced (another file chosen, or
 * the file edited): progress and notes stay keyed by bank id and question id, so nothing is
 * lost and switching back shows them again.
 */
export class Study extends Disposable {
  private reading: Reading;
  /** Built on the first search, kept up to date with notes, dropped with the bank. */
  private searchIndex: QuestionSearch | undefined;
  /** Every bank this study has shown, with the ids of every question it had: a page may still send a note typed on one of them. */
  private readonly shown = new Map<string, Set<string>>();

  private readonly _onDidChangeProgress = this.register(new Emitter<ProgressChanged>());
  readonly onDidChangeProgress: Event<ProgressChanged> = this._onDidChangeProgress.event;
  private readonly _onDidChangeNote = this.register(new Emitter<NoteChanged>());
  readonly onDidChangeNote: Event<NoteChanged> = this._onDidChangeNote.event;
  private readonly _onDidKeepConflict = this.register(new Emitter<ConflictCopy>());
  /** A losing copy of a note was kept: the learner should hear of it once. */
  readonly onDidKeepConflict: Event<ConflictCopy> = this._onDidKeepConflict.event;
  private readonly _onDidChangeReview = this.register(new Emitter<{ ids: string[] }>());
  /** These questions were rated (here, in another window, or by a restored backup). */
  readonly onDidChangeReview: Event<{ ids: string[] }> = this._onDidChangeReview.event;
  private readonly _onDidChangeBank = this.register(new Emitter<BankChanged>());
  /** The bank was replaced: everything shown from it should be shown again. */
  readonly onDidChangeBank: Event<BankChanged> = this._onDidChangeBank.event;

  constructor(
    bankId: string,
    bank: Bank,
    readonly store: StudyStore,
  ) {
    super();
    this.reading = new Reading(bankId, bank);
    this.remember(this.reading);
    this.register(store.onDidChangeProgress((e) => e.bankId === this.bankId && this._onDidChangeProgress.fire({ ids: e.ids })));
    this.register(
      store.onDidChangeNote((e) => {
        if (e.bankId !== this.bankId) return;
        this.searchIndex?.setNote(e.id, e.text);
        this._onDidChangeNote.fire({ id: e.id, text: e.text, stamp: e.stamp, origin: e.origin });
      }),
    );
    this.register(store.notes.onDidKeepConflict((c) => c.bankId === this.bankId && this._onDidKeepConflict.fire(c)));
    this.register(store.reviews.onDidChangeReview((e) => e.bankId === this.bankId && this._onDidChangeReview.fire({ ids: e.ids })));
    store.openBank(bankId, this.markedDone());
    store.reviews.open(bankId);
  }

  get bankId(): string {
    return this.reading.bankId;
  }

  /** The desired retention changed: whatever shows a rating's interval shows it again. */
  rescheduled(): void {
    this._onDidChangeReview.fire({ ids: [...this.reading.ids] });
  }

  get bank(): Bank {
    return this.reading.bank;
  }

  get entries(): readonly QuestionEntry[] {
    return this.reading.entries;
  }

  /** Shows another bank, or a new reading of this one, and tells everything showing it. */
  replaceBank(bankId: string, bank: Bank): void {
    const sameBank = bankId === this.bankId;
    this.reading = new Reading(bankId, bank);
    this.remember(this.reading);
    this.searchIndex = undefined;
    this.store.openBank(bankId, this.markedDone());
    this.store.reviews.open(bankId);
    this._onDidChangeBank.fire({ sameBank });
  }

  has(id: string): boolean {
    return this.reading.index.has(id);
  }

  entry(id: string): QuestionEntry | undefined {
    const i = this.reading.index.get(id);
    return i === undefined ? undefined : this.entries[i];
  }

  position(id: string): number {
    return this.reading.index.get(id) ?? -1;
  }

  neighbour(id: string, direction: 'previous' | 'next'): QuestionEntry | undefined {
    const i = this.reading.index.get(id);
    if (i === undefined) return undefined;
    return this.entries[direction === 'next' ? i + 1 : i - 1];
  }

  isDone(id: string): boolean {
    return this.store.isDone(this.bankId, id);
  }

  setDone(id: string, done: boolean): Promise<void> {
    return this.store.setDone(this.bankId, id, done);
  }

  /** Every question id under a section, subsections included. */
  idsUnder(section: Section): readonly string[] {
    return this.reading.sectionIds.get(section) ?? [];
  }

  count(section: Section): Count {
    return this.countDone(this.reading.sectionIds.get(section) ?? []);
  }

  total(): Count {
    return this.countDone(this.reading.ids);
  }

  /** Back to the author's `**done**` markers. */
  resetToMarkers(): Promise<void> {
    return this.store.resetDone(this.bankId, this.markedDone());
  }

  /** Ids of the questions the bank's author marked `**done**`. */
  private markedDone(): string[] {
    return this.entries.filter((e) => e.question.done).map((e) => e.question.id);
  }

  private countDone(ids: readonly string[]): Count {
    const done = this.store.doneIds(this.bankId);
    let n = 0;
    for (const id of ids) if (done.has(id)) n++;
    return { done: n, total: ids.length };
  }

  clearAll(): Promise<void> {
    return this.store.resetDone(this.bankId, []);
  }

  /** Problems found in stored data so far (every bank's: storage is shared). */
  get warnings(): readonly StoreWarning[] {
    return this.store.warnings;
  }

  get onWarning(): Event<StoreWarning> {
    return this.store.onWarning;
  }

  /** Questions matching the query in their text, id, details, answer or the learner's note, best first. */
  search(query: string, limit?: number): Hit[] {
    this.searchIndex ??= new QuestionSearch(this.entries, (id) => this.getNote(id));
    return this.searchIndex.search(query, limit);
  }

  /**
   * Adds a block at the end of a question's note (code sent from the editor), as a new version of
   * the note: a page typing at that moment keeps its text and the loser becomes a conflict copy.
   */
  appendToNote(id: string, block: string): Promise<void> {
    const current = this.getNote(id).replace(/\s+$/, '');
    return this.store.setNote(this.bankId, id, current ? `${current}\n\n${block}\n` : `${block}\n`);
  }

  /** Ids of this bank's questions (and of questions no longer in it) with a non-empty note: one read of storage. */
  notedIds(): string[] {
    return this.store.notedIds(this.bankId);
  }

  getNote(id: string): string {
    return this.store.getNote(this.bankId, id);
  }

  /** The note with its version stamp. */
  noteRecord(id: string): NoteRecord {
    return this.store.notes.get(this.bankId, id);
  }

  /** The extension's half of the note protocol for one page: its `editNote` messages, checked, applied, answered (NoteStore.receiver). */
  noteReceiver(page: Omit<NotePage, 'bankId' | 'hasShown'>, origin: unknown): (raw: unknown) => void {
    return this.store.notes.receiver({ ...page, bankId: () => this.bankId, hasShown: (bankId, id) => this.hasShown(bankId, id) }, origin);
  }

  /** Whether this study has shown that question of that bank (a page's note on it is accepted). */
  hasShown(bankId: string, id: string): boolean {
    return this.shown.get(bankId)?.has(id) ?? false;
  }

  private remember(reading: Reading): void {
    let ids = this.shown.get(reading.bankId);
    if (!ids) this.shown.set(reading.bankId, (ids = new Set()));
    for (const id of reading.ids) ids.add(id);
  }

  /** Copies of notes that lost to a newer copy, oldest first. */
  conflicts(): ConflictCopy[] {
    return this.store.notes.conflicts(this.bankId);
  }

  /** Makes a conflict copy the note again (the note it replaces is kept as a copy if it holds more). */
  restoreConflict(copy: ConflictCopy): Promise<void> {
    return this.store.notes.restoreConflict(copy);
  }

  discardConflict(copy: ConflictCopy): Promise<void> {
    return this.store.notes.discardConflict(copy);
  }

  /** The question a page (or, without a key, any page) showed last in this bank, if it is still in it. */
  lastShown(pageKey?: string): string | undefined {
    const id = this.store.notes.lastShown(this.bankId, pageKey);
    return id !== undefined && this.has(id) ? id : undefined;
  }

  /** Remembers the question a page shows (`pageKey`: the key the page keeps in its state). */
  setLastShown(id: string, pageKey?: string): void {
    this.store.notes.setLastShown(this.bankId, id, pageKey);
  }

  /** The question's FSRS card and review history; undefined when it was never rated. */
  review(id: string): StoredReview | undefined {
    return this.store.reviews.get(this.bankId, id);
  }

  /**
   * Rates the learner's recall of a question now; FSRS schedules its next review. Never touches
   * the done tick: that stays the learner's own act. Resolves when the rating is stored.
   */
  async rate(id: string, rating: Rating): Promise<StoredReview> {
    // With an interview date, no interval reaches past the day before it.
    const date = this.interviewDate();
    const daysLeft = date === undefined ? 0 : daysUntil(date, this.now());
    const cap = daysLeft < 1 ? undefined : longestInterval(daysLeft);
    const { review, written } = this.store.reviews.rate(this.bankId, id, rating, cap);
    await written;
    return review;
  }

  /** Takes back a question's last rating (none named: the bank's latest), card and history as they were; undefined if none. */
  undoRating(id?: string): { id: string; rating: Rating; written: Promise<void> } | undefined {
    const which = id ?? this.store.reviews.latest(this.bankId)?.id;
    const rating = which === undefined ? undefined : this.review(which)?.log.at(-1)?.r;
    const undone = rating === undefined ? undefined : this.store.reviews.undo(this.bankId, which!);
    return undone && { id: which!, rating: rating!, written: undone.written };
  }

  /** The interview date of this bank (its day's midnight), if the learner set one. */
  interviewDate(): number | undefined {
    return this.store.plans.date(this.bankId);
  }

  /** Sets or clears the interview date; the tree and status bar follow (a review change). */
  async setInterviewDate(date: number | undefined): Promise<void> {
    await this.store.plans.setDate(this.bankId, date);
    this.rescheduled();
  }

  /** Today's plan toward the interview date; undefined without one, or once its day has come. */
  dayPlan(limits: PlanLimits): DayPlan | undefined {
    const date = this.interviewDate();
    if (date === undefined || daysUntil(date, this.now()) < 1) return undefined;
    return dayPlan(this.reading.ids, this.store.reviews.all(this.bankId), this.now(), date, limits);
  }

  /** The store's clock. */
  now(): number {
    return this.store.now();
  }

  /** Questions of this bank due for review now, the longest overdue first. */
  dueIds(): string[] {
    return dueIds(this.reading.ids, this.store.reviews.all(this.bankId), this.now());
  }

  /** When the next review falls due, if one is scheduled. */
  nextDue(): number | undefined {
    return nextDue(this.reading.ids, this.store.reviews.all(this.bankId), this.now());
  }

  /** Today's reviews within the daily limit, the most urgent first, and how many wait for another day. */
  reviewQueue(perDay: number, only?: ReadonlySet<string>): { ids: string[]; backlog: number; room: number } {
    return reviewQueue(this.idsIn(only), this.store.reviews.all(this.bankId), this.now(), perDay);
  }

  /** Questions never reviewed, in reading order, up to what today's limit of new ones allows. */
  newIds(perDay: number, only?: ReadonlySet<string>): string[] {
    return newIds(this.idsIn(only), this.store.reviews.all(this.bankId), this.now(), perDay);
  }

  /** The bank's ids in reading order, or those of them in `only` (a study set). */
  private idsIn(only?: ReadonlySet<string>): readonly string[] {
    return only ? this.reading.ids.filter((id) => only.has(id)) : this.reading.ids;
  }

  /** A mock interview's questions from these ids: undone and weak first. */
  mockQuestions(ids: readonly string[], count: number, random?: () => number): string[] {
    const o = { count, isDone: (id: string) => this.isDone(id), reviews: this.store.reviews.all(this.bankId), now: this.now(), random };
    return mockQuestions(ids, o);
  }

  statistics(): Statistics {
    const reviews = this.store.reviews.all(this.bankId);
    const { ids } = this.reading;
    return statistics({ ids, marks: this.store.marks(this.bankId), reviews, now: this.now(), date: this.interviewDate() });
  }

  /** Notes stored for this bank whose question is no longer in it. */
  orphanedNoteIds(): string[] {
    return this.notedIds().filter((id) => !this.reading.index.has(id));
  }
}
