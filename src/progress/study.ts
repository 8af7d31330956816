// One bank with its progress: lookups, counts and reading order for the tree, the page and commands.
import { listQuestions, type Bank, type QuestionEntry, type Section } from '../bank/model';
import type { StudyStore } from './store';
import type { ConflictCopy, NoteOutcome, NoteRecord } from './notes';
import type { NoteEdit, NotePatch } from '../shared/note-version';

export interface Count {
  done: number;
  total: number;
}

export class Study {
  readonly entries: QuestionEntry[];
  private readonly index = new Map<string, number>();
  /** Every question id in reading order. */
  private readonly ids: string[];
  /** Every question id under each section, subsections included. */
  private readonly sectionIds = new Map<Section, string[]>();

  constructor(
    readonly bankId: string,
    readonly bank: Bank,
    readonly store: StudyStore,
  ) {
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
