// One bank with its progress: lookups, counts and reading order for the tree, the page and commands.
import { listQuestions, type Bank, type QuestionEntry, type Section } from '../bank/model';
import { Emitter, type Event } from '../util/emitter';
import { Disposable } from '../util/disposable';
import type { StudyStore, StoreWarning } from './store';
import type { ConflictCopy, NoteOutcome, NoteRecord } from './notes';
import type { NoteEdit, NotePatch, NoteStamp } from '../shared/note-version';

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

/**
 * One bank with its progress and notes: the only door to them for the tree, the pages and the
 * commands. Its events are this bank's only.
 */
export class Study extends Disposable {
  readonly entries: QuestionEntry[];
  private readonly index = new Map<string, number>();
  /** Every question id in reading order. */
  private readonly ids: string[];
  /** Every question id under each section, subsections included. */
  private readonly sectionIds = new Map<Section, string[]>();

  private readonly _onDidChangeProgress = this.register(new Emitter<ProgressChanged>());
  readonly onDidChangeProgress: Event<ProgressChanged> = this._onDidChangeProgress.event;
  private readonly _onDidChangeNote = this.register(new Emitter<NoteChanged>());
  readonly onDidChangeNote: Event<NoteChanged> = this._onDidChangeNote.event;
  private readonly _onDidKeepConflict = this.register(new Emitter<ConflictCopy>());
  /** A losing copy of a note was kept: the learner should hear of it once. */
  readonly onDidKeepConflict: Event<ConflictCopy> = this._onDidKeepConflict.event;

  constructor(
    readonly bankId: string,
    readonly bank: Bank,
    readonly store: StudyStore,
  ) {
    super();
    this.register(store.onDidChangeProgress((e) => e.bankId === bankId && this._onDidChangeProgress.fire({ ids: e.ids })));
    this.register(store.onDidChangeNote((e) => e.bankId === bankId && this._onDidChangeNote.fire({ id: e.id, text: e.text, stamp: e.stamp, origin: e.origin })));
    this.register(store.notes.onDidKeepConflict((c) => c.bankId === bankId && this._onDidKeepConflict.fire(c)));
    this.entries = listQuestions(bank);
    this.entries.forEach((e, i) => this.index.set(e.question.id, i));
    this.ids = this.entries.map((e) => e.question.id);
    for (const e of this.entries) {
      for (const s of e.path) {
        let ids = this.sectionIds.get(s);
        if (!ids) this.sectionIds.set(s, (ids = []));
        ids.push(e.question.id);
      }
    }
    store.openBank(bankId, this.markedDone());
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  entry(id: string): QuestionEntry | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.entries[i];
  }

  position(id: string): number {
    return this.index.get(id) ?? -1;
  }

  neighbour(id: string, direction: 'previous' | 'next'): QuestionEntry | undefined {
    const i = this.index.get(id);
    if (i === undefined) return undefined;
    return this.entries[direction === 'next' ? i + 1 : i - 1];
  }

  isDone(id: string): boolean {
    return this.store.isDone(this.bankId, id);
  }

  setDone(id: string, done: boolean): Promise<void> {
    return this.store.setDone(this.bankId, id, done);
  }

  count(section: Section): Count {
    return this.countDone(this.sectionIds.get(section) ?? []);
  }

  total(): Count {
    return this.countDone(this.ids);
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

  getNote(id: string): string {
    return this.store.getNote(this.bankId, id);
  }

  /** The note with its version stamp. */
  noteRecord(id: string): NoteRecord {
    return this.store.notes.get(this.bankId, id);
  }

  /** A page's edit, saved or not by the version rule (progress/notes.ts). */
  editNote(id: string, edit: NoteEdit, options: { restored?: boolean; origin?: unknown } = {}): Promise<NoteOutcome> {
    return this.store.notes.edit(this.bankId, id, edit, options);
  }

  /** A page's patch applied to the stored note, or undefined when it is not the page's previous send. */
  patchedNote(id: string, writer: string, patch: NotePatch): string | undefined {
    return this.store.notes.patched(this.bankId, id, writer, patch);
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

  /** Notes stored for this bank whose question is no longer in it. */
  orphanedNoteIds(): string[] {
    return this.store.notedIds(this.bankId).filter((id) => !this.index.has(id));
  }
}
