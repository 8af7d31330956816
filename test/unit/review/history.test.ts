// A question's history on its page: each review newest first with the interval it gave, the times
// taken in mock interviews, when it is next due and the chance of recalling it now.
import assert from 'node:assert/strict';
import { questionHistory, reviewIntervals, HISTORY_ROWS } from '../../../src/review/history';
import { rateCard, type Rating } from '../../../src/review/fsrs';
import { withReview, type StoredReview } from '../../../src/review/record';
import type { StoredMock } from '../../../src/review/mock';

const DAY = 86_400_000;
const t0 = Date.UTC(2026, 10, 2, 9, 0);

function rated(ratings: Array<[Rating, number]>): StoredReview {
  let review: StoredReview | undefined;
  for (const [r, at] of ratings) {
    const { card, entry } = rateCard(review?.card, r, at);
    review = withReview(review, card, entry);
  }
  return review!;
}

const mock = (runId: string, items: StoredMock['items']): StoredMock => ({
  schema: 1,
  runId,
  bankId: 'b',
  started: t0,
  limitMs: 120_000,
  items,
  updated: t0,
});

describe('a question’s history', () => {
  it('lists each review newest first with the interval it gave, the last one from the stored card', () => {
    const review = rated([
      [3, t0],
      [1, t0 + 2 * DAY],
      [4, t0 + 3 * DAY],
    ]);
    const intervals = reviewIntervals(review);
    assert.deepEqual(
      intervals.map((i) => i.rating),
      [3, 1, 4],
    );
    assert.equal(intervals[2].intervalMs, review.card.due - (t0 + 3 * DAY), 'the last: the card as stored');
    assert.ok(intervals[1].intervalMs < DAY, 'Again: back within the day');
    const h = questionHistory({ id: '1.1', review, mocks: [], now: t0 + 4 * DAY, lang: 'en' });
    assert.deepEqual(
      h.reviews.map((r) => r.rating),
      [4, 1, 3],
      'newest first',
    );
    assert.match(h.reviews[2].when, /Nov 2, 2026/);
    assert.match(h.reviews[0].interval, /day/);
    assert.match(h.due, /^in \d+ days?$|^tomorrow$/);
    assert.match(h.recall, /^\d+%$/);
  });

  it('says nothing is due of a question never reviewed, and lists only its own finished mock answers', () => {
    const mocks = [
      mock('r1', [
        { id: '1.1', answer: 'x', shownAt: t0, answeredAt: t0 + 125_000 },
        { id: '1.2', answer: 'y', shownAt: t0, answeredAt: t0 + 5_000 },
      ]),
      mock('r2', [{ id: '1.1', answer: 'still typing', shownAt: t0 + DAY }]),
      mock('r3', [{ id: '1.1', answer: 'z', shownAt: t0 + 2 * DAY, answeredAt: t0 + 2 * DAY + 61_000 }]),
    ];
    const h = questionHistory({ id: '1.1', review: undefined, mocks, now: t0 + 3 * DAY, lang: 'en' });
    assert.deepEqual(h.reviews, []);
    assert.equal(h.due, '');
    assert.equal(h.recall, '');
    assert.deepEqual(
      h.mocks.map((m) => m.took),
      ['1:01', '2:05'],
    );
  });

  it('shows at most the newest rows of a long history, and survives a display language Intl does not know', () => {
    const ratings: Array<[Rating, number]> = [];
    for (let i = 0; i < HISTORY_ROWS + 30; i++) ratings.push([3, t0 + i * DAY]);
    const h = questionHistory({ id: '1.1', review: rated(ratings), mocks: [], now: t0 + 200 * DAY, lang: 'qq-$$' });
    assert.equal(h.reviews.length, HISTORY_ROWS);
    assert.ok(h.recall.endsWith('%'));
  });
});
