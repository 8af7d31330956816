import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { listQuestions, type Bank, type Question } from '../../src/bank/model';

/** The repository root: tests are bundled into out/test/<kind>/, two levels below it. */
export const ROOT = resolve(__dirname, '../../..');

export function readRepoFile(path: string): string {
  return readFileSync(resolve(ROOT, path), 'utf8');
}

export function questions(bank: Bank): Question[] {
  return listQuestions(bank).map((e) => e.question);
}

export function byId(bank: Bank, id: string): Question {
  const q = questions(bank).find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}; ids: ${questions(bank).map((x) => x.id).join(', ')}`);
  return q;
}
