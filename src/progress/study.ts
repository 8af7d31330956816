// One bank with its progress: lookups, counts and reading order for the tree, the page and commands.
import { listQuestions, type Bank, type QuestionEntry, type Section } from '../bank/model';
import type { StudyStore } from './store';

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

  /** Notes stored for this bank whose question is no longer in it. */
  orphanedNoteIds(): string[] {
    return this.store.notedIds(this.bankId).filter((id) => !this.index.has(id));
  }
}
