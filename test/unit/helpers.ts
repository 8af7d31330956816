import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { listQuestions, type Bank, type Question } from '../../src/bank/model';
import { rateCard } from '../../src/review/fsrs';
import { withReview, type StoredReview } from '../../src/review/record';
import { JournaledStore } from '../../src/progress/journal';
import { mergeStored } from '../../src/progress/merge';
import { StudyStore } from '../../src/progress/store';
import { Study } from '../../src/progress/study';
import { MemoryDir, MemoryStore } from '../fakes/memory';

/** The repository root: the nearest folder above the bundled test (out/test/unit/...) with a package.json. */
export const ROOT = (() => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return resolve(dir);
})();

export function readRepoFile(path: string): string {
  return readFileSync(resolve(ROOT, path), 'utf8');
}

export function questions(bank: Bank): Question[] {
  return listQuestions(bank).map((e) => e.question);
}

export function byId(bank: Bank, id: string): Question {
  const q = questions(bank).find((x) => x.id === id);
  if (!q)
    throw new Error(
      `no question ${id}; ids: ${questions(bank)
        .map((x) => x.id)
        .join(', ')}`,
    );
  return q;
}

/** A question's review record after these ratings, each [rating, when], oldest first. */
export function reviewed(...ratings: Array<[1 | 2 | 3 | 4, number]>): StoredReview {
  let review: StoredReview | undefined;
  for (const [r, at] of ratings) {
    const { card, entry } = rateCard(review?.card, r, at);
    review = withReview(review, card, entry);
  }
  return review!;
}

/**
 * A window on a bank, with its own journal in a folder the windows share (`dir`): its Study, the
 * journal (flush, readOthers) and the store (changedElsewhere), as two VS Code windows have them.
 */
export async function openWindow(o: { bank: Bank; hostId: string; memento: MemoryStore; dir: MemoryDir; now: () => number }) {
  const { store: journal } = await JournaledStore.open(o.memento, o.dir, { hostId: o.hostId, now: o.now, merge: mergeStored });
  const store = new StudyStore(journal, o.now);
  return { study: new Study('bank', o.bank, store), journal, store, memento: o.memento };
}
