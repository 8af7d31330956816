// The bundled bank as the UI tests see it: they take their questions, sections and counts from
// it, so a change to the bank moves the tests with it instead of breaking them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBank } from '../../src/bank/parse';
import { listQuestions, walkSections, type Question, type QuestionEntry, type Section } from '../../src/bank/model';
import { BUNDLED_BANK_FILE } from '../../src/bank/bundled';
import { ROOT } from './workbench';

export const bank = parseBank(readFileSync(join(ROOT, BUNDLED_BANK_FILE), 'utf8'));
export const entries: QuestionEntry[] = listQuestions(bank);

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A question's tree row: "1.8 What is …". */
export const questionRow = (id: string) => new RegExp(`^${escapeRegExp(id)} `);
/** A section's tree row, whatever its count: "1. Django Fundamentals, 7 of 20 done". */
export const sectionLabel = (s: Section) => new RegExp(`^${escapeRegExp(s.title)}, `);
/** A section's tree row with this many done (any number when not given) of its total. */
export const sectionRow = (s: Section, done?: number) =>
  new RegExp(`^${escapeRegExp(s.title)}, ${done ?? '\\d+'} of ${countOf(s).total} done$`);

/** Done (by the bank's markers) and total questions of a section and its subsections. */
export function countOf(section: Section): { done: number; total: number } {
  const qs = [...walkSections([section])].flatMap((x) => x.section.questions);
  return { done: qs.filter((q) => q.done).length, total: qs.length };
}

export const entry = (id: string): QuestionEntry => {
  const found = entries.find((e) => e.question.id === id);
  if (!found) throw new Error(`no question ${id} in the bundled bank`);
  return found;
};

/** The questions directly in a section that its author has not marked done, at least `count` of them. */
export function undoneIn(section: Section, count: number): Question[] {
  const found = section.questions.filter((q) => !q.done);
  if (found.length < count) throw new Error(`${section.title} has ${found.length} questions not marked done; the test needs ${count}`);
  return found;
}

/** The first section (at any depth) with no subsections and at least `count` questions not marked done. */
export function leafSectionWith(count: number, after?: Section): { section: Section; path: Section[] } {
  const all = [...walkSections(bank.sections)].filter(
    (x) => x.section.sections.length === 0 && x.section.questions.filter((q) => !q.done).length >= count,
  );
  const from = after ? all.findIndex((x) => x.section === after) + 1 : 0;
  const found = all[from];
  if (!found) throw new Error(`no section with ${count} questions not marked done`);
  return found;
}
