// One reading of a bank: its questions in reading order, and the lookups built from it once. Pure.
import { listQuestions, type Bank, type QuestionEntry, type Section } from '../bank/model';

/** One reading of a bank, with the lookups built from it. */
export class Reading {
  readonly entries: QuestionEntry[];
  readonly index = new Map<string, number>();
  /** Every question id in reading order. */
  readonly ids: string[];
  /** Every question id under each section, subsections included. */
  readonly sectionIds = new Map<Section, string[]>();

  constructor(
    readonly bankId: string,
    readonly bank: Bank,
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
  }
}
