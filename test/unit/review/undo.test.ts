// Undoing a rating: the card and the history come back exactly as before (the stored card, not a
// replay), a question rated once is new again, and the undo holds when two windows merge, where
// the other window still has the rating.
import assert from 'node:assert/strict';
import { StudyStore } from '../../../src/progress/store';
import { Study } from '../../../src/progress/study';
import { parseBank } from '../../../src/bank/parse';
import { setDesiredRetention, DEFAULT_RETENTION } from '../../../src/review/fsrs';
import { mergeReview, readReview, withoutLastReview, withReview, MAX_UNDONE } from '../../../src/review/record';
import { rateCard } from '../../../src/review/fsrs';
import { MemoryDir, MemoryStore } from '../../fakes/memory';
import { openWindow } from '../helpers';

/** Undoes as the commands do, and waits for the write. */
async function undo(study: Study, id?: string) {
  const undone = study.undoRating(id);
  await undone?.written;
  return undone;
}

const BANK = parseBank(['## 1. A', '', '1. one', '2. two', '3. three'].join('\n'));
const DAY = 86_400_000;

describe('undoing a rating', () => {
  let clock: number;
  const now = () => clock;
  beforeEach(() => (clock = new Date(2026, 10, 2, 9, 0, 0).getTime()));
  afterEach(() => setDesiredRetention(DEFAULT_RETENTION));

  it('restores the exact card, even one a replay would not give (the retention changed since)', async () => {
    const study = new Study('bank', BANK, new StudyStore(new MemoryStore(), now));
    await study.rate('1.1', 3);
    clock += 3 * DAY;
    const before = structuredClone(study.review('1.1'));
    setDesiredRetention(0.75); // a replay of the first review would now give another due date
    clock += DAY;
    await study.rate('1.1', 1);
    assert.notDeepEqual(study.review('1.1')!.card, before!.card);
    const undone = await undo(study, '1.1');
    assert.equal(undone?.id, '1.1');
    assert.deepEqual(study.review('1.1')!.card, before!.card, 'the card as it was');
    assert.deepEqual(study.review('1.1')!.log, before!.log, 'the history as it was');
  });

  it('makes a question rated once new again, and undoes the bank’s latest rating when no question is named', async () => {
    const memory = new MemoryStore();
    const study = new Study('bank', BANK, new StudyStore(memory, now));
    await study.rate('1.2', 3);
    clock += 1000;
    await study.rate('1.3', 4);
    assert.equal((await undo(study))?.id, '1.3', 'the latest rating');
    assert.equal(study.review('1.3'), undefined, 'never reviewed again');
    assert.deepEqual(study.newIds(10), ['1.1', '1.3'], 'new again');
    assert.equal((await undo(study))?.id, '1.2', 'then the one before');
    assert.equal(await undo(study), undefined, 'nothing left to undo');
    assert.equal(await undo(study, '1.1'), undefined, 'nor on a question never rated');
    const reloaded = new Study('bank', BANK, new StudyStore(memory, now));
    assert.equal(reloaded.review('1.2'), undefined, 'after a reload too');
    clock += 1000;
    const again = await reloaded.rate('1.2', 2);
    assert.deepEqual(
      again.log.map((e) => e.r),
      [2],
      'a new rating starts afresh',
    );
  });

  it('holds across two windows: the other window’s copy with the rating does not bring it back', async () => {
    const dir = new MemoryDir();
    const shared = new MemoryStore();
    const open = (hostId: string, memento: MemoryStore) => openWindow({ bank: BANK, hostId, memento, dir, now });
    const a = await open('a', shared.clone());
    const b = await open('b', shared.clone());
    await a.study.rate('1.1', 3);
    clock += 1000;
    await a.study.rate('1.1', 1);
    await a.journal.flush();
    b.store.changedElsewhere(await b.journal.readOthers());
    assert.equal(b.study.review('1.1')?.log.length, 2, 'b heard of both ratings');
    clock += 1000;
    await undo(a.study, '1.1');
    clock += 1000;
    await b.study.rate('1.1', 4); // b, not yet told of the undo, writes its copy holding the undone rating
    await a.journal.flush();
    await b.journal.flush();
    a.store.changedElsewhere(await a.journal.readOthers());
    b.store.changedElsewhere(await b.journal.readOthers());
    for (const w of [a, b])
      assert.deepEqual(
        w.study.review('1.1')!.log.map((e) => e.r),
        [3, 4],
        'the undone rating stays undone in each window, and the other window’s new one stays',
      );
    // Two undos in b reach a too.
    clock += 1000;
    await undo(b.study, '1.1');
    await undo(b.study, '1.1');
    await b.journal.flush();
    a.store.changedElsewhere(await a.journal.readOthers());
    assert.equal(a.study.review('1.1'), undefined);
    const c = await open('c', a.memento.clone());
    assert.equal(c.study.review('1.1'), undefined, 'and a third window reads it so');
  });
});

describe('stored records with undone reviews', () => {
  const t0 = new Date(2026, 10, 2).getTime();
  const rated = (ratings: Array<[1 | 2 | 3 | 4, number]>) => {
    let review: ReturnType<typeof withReview> | undefined;
    for (const [r, at] of ratings) {
      const { card, entry } = rateCard(review?.card, r, at);
      review = withReview(review, card, entry);
    }
    return review!;
  };

  it('merges to the union of reviews less those either side undid, the same either way round', () => {
    const common = rated([[3, t0]]);
    const a = withoutLastReview(
      rated([
        [3, t0],
        [1, t0 + DAY],
      ]),
      t0 + DAY + 5,
    )!;
    const b = rated([
      [3, t0],
      [1, t0 + DAY],
      [4, t0 + 2 * DAY],
    ]);
    const ab = mergeReview(a, b)!.value!;
    assert.deepEqual(
      ab.log.map((e) => e.r),
      [3, 4],
    );
    assert.deepEqual(
      ab.card,
      rated([
        [3, t0],
        [4, t0 + 2 * DAY],
      ]).card,
      'replayed from what is left',
    );
    assert.deepEqual(mergeReview(b, a)!.value, ab);
    assert.deepEqual(mergeReview(ab, b), { write: false }, 'the old copy changes nothing once merged');
    assert.deepEqual(mergeReview(a, common), { write: false }, 'nor does a copy from before the undone rating');
  });

  it('reads a hand-edited list of undone reviews or card before of the wrong shape as absent, keeping the history', () => {
    const review = rated([
      [3, t0],
      [2, t0 + DAY],
    ]);
    const read = readReview({ ...review, before: { due: 'soon' }, undone: 'lots' })!;
    assert.equal(read.repaired, false);
    assert.equal(read.review.before, undefined);
    assert.equal(read.review.undone, undefined);
    assert.equal(read.review.log.length, 2);
    let many = review;
    for (let i = 0; i < MAX_UNDONE + 5; i++) {
      const { card, entry } = rateCard(many.card, 3, t0 + 2 * DAY + i);
      many = withoutLastReview(withReview(many, card, entry), t0 + 2 * DAY + i)!;
    }
    assert.equal(many.undone!.length, MAX_UNDONE, 'the newest undone reviews are kept, not an endless list');
    assert.deepEqual(many.card, review.card);
  });
});

describe('a review session stepping back', () => {
  it('steps back to the question whose rating, its last, was undone, and to no other', async () => {
    const { ReviewSession } = await import('../../../src/review/session');
    const session = new ReviewSession(['a', 'b', 'c'], false);
    session.rated('a', 3, 1);
    session.rated('b', 1, 2);
    assert.equal(session.undo('a'), false, 'not the last rating: nothing changes');
    assert.equal(session.current, 'c');
    assert.equal(session.undo('b'), true);
    assert.equal(session.current, 'b');
    assert.equal(session.position, 2);
    assert.deepEqual(
      session.ratings.map((r) => r.id),
      ['a'],
    );
    session.rated('b', 4, 3);
    session.rated('c', 3, 4);
    assert.equal(session.finished, true);
    assert.equal(session.undo('c'), true);
    assert.equal(session.finished, false, 'a finished review goes on again');
  });
});
