import assert from 'node:assert/strict';
import { reviewed } from '../helpers';
import {
  dayAfter,
  dueIds,
  isWeak,
  mockQuestions,
  newIds,
  newToday,
  nextDue,
  reviewedToday,
  reviewQueue,
  startOfDay,
} from '../../../src/review/queue';
import { retrievability } from '../../../src/review/fsrs';
import { statistics } from '../../../src/review/stats';

const DAY = 86_400_000;
const NOW = new Date(2026, 10, 25, 15, 0, 0).getTime(); // a Wednesday, local time

const rated = reviewed;

describe('what to study next', () => {
  const ids = ['1.1', '1.2', '1.3', '1.4', '1.5'];

  it('lists the due questions, longest overdue first, and when the next one falls due', () => {
    const reviews = new Map([
      ['1.2', rated([4, NOW - 30 * DAY])], // due long ago
      ['1.4', rated([4, NOW - 9 * DAY])], // due a day or so ago
      ['1.5', rated([4, NOW - DAY])], // due in a week
    ]);
    assert.deepEqual(dueIds(ids, reviews, NOW), ['1.2', '1.4']);
    assert.equal(nextDue(ids, reviews, NOW), reviews.get('1.5')!.card.due);
    assert.equal(nextDue(ids, new Map(), NOW), undefined);
  });

  it('takes today’s reviews up to the daily limit, the least likely to be recalled first, and counts the backlog', () => {
    const today = startOfDay(NOW);
    const reviews = new Map([
      ['1.1', rated([4, NOW - 30 * DAY])], // due long ago, but learned Easy
      ['1.2', rated([1, NOW - 30 * DAY], [1, NOW - 29 * DAY])], // failed twice: least likely recalled
      ['1.3', rated([3, NOW - 20 * DAY])],
      ['1.4', rated([3, NOW - 40 * DAY], [3, today + 1000])], // reviewed again today: not due
      ['1.5', rated([3, NOW - 60_000])], // first seen a minute ago: a new question, not a review
    ]);
    assert.equal(reviewedToday(reviews, NOW), 1, 'one review of a question seen before; a first look is not one');
    const due = dueIds(ids, reviews, NOW);
    assert.deepEqual(due.sort(), ['1.1', '1.2', '1.3']);
    const recall = (id: string) => retrievability(reviews.get(id)!.card, NOW);
    const byUrgency = [...due].sort((a, b) => recall(a) - recall(b));

    assert.deepEqual(
      reviewQueue(ids, reviews, NOW, 200),
      { ids: dueIds(ids, reviews, NOW), backlog: 0, room: 199 },
      'under the limit: all, as before',
    );
    const capped = reviewQueue(ids, reviews, NOW, 3);
    assert.deepEqual(capped, { ids: byUrgency.slice(0, 2), backlog: 1, room: 2 }, 'one reviewed today leaves room for two');
    assert.equal(capped.ids[0], '1.2', 'the twice-failed question first');
    assert.deepEqual(reviewQueue(ids, reviews, NOW, 1), { ids: [], backlog: 3, room: 0 }, 'the limit reached: all of them wait');
    assert.equal(reviewQueue(ids, reviews, dayAfter(NOW, 1), 1).ids.length, 1, 'a new day, a new allowance');
  });

  it('offers new questions up to the daily limit, counting those first reviewed today', () => {
    const reviews = new Map([
      ['1.1', rated([3, NOW - 2 * DAY])],
      ['1.3', rated([3, startOfDay(NOW) + 1000])],
    ]);
    assert.equal(newToday(reviews, NOW), 1);
    assert.deepEqual(newIds(ids, reviews, NOW, 3), ['1.2', '1.4']);
    assert.deepEqual(newIds(ids, reviews, NOW, 1), []);
    assert.deepEqual(newIds(ids, reviews, dayAfter(NOW, 1), 1), ['1.2'], 'a new day, a new allowance');
  });

  it('puts undone and weak questions first in a mock interview', () => {
    const reviews = new Map([
      ['1.1', rated([1, NOW - 60_000])], // weak
      ['1.2', rated([4, NOW - DAY])], // strong
      ['1.4', rated([2, NOW - 60_000])], // weak
    ]);
    assert.ok(isWeak(reviews.get('1.1'), NOW) && !isWeak(reviews.get('1.2'), NOW));
    const done = new Set(['1.2', '1.4', '1.5']);
    const order = mockQuestions(ids, { count: 5, isDone: (id) => done.has(id), reviews, now: NOW, random: () => 0.5 });
    assert.deepEqual(order.slice(0, 2), ['1.1', '1.3'], 'undone and weak, then undone');
    assert.equal(order[2], '1.4', 'then weak');
    assert.deepEqual(new Set(order.slice(3)), new Set(['1.2', '1.5']));
    assert.equal(mockQuestions(ids, { count: 2, isDone: () => false, reviews, now: NOW }).length, 2);
  });
});

describe('statistics', () => {
  it('counts done over time, reviews per day, retention and the days ahead', () => {
    const ids = ['a', 'b', 'c'];
    const reviews = new Map([
      ['a', rated([3, NOW - 10 * DAY], [3, NOW - 8 * DAY], [3, NOW - 5 * DAY], [1, NOW - 2 * DAY])],
      ['b', rated([4, NOW - 3 * DAY])],
      ['gone', rated([3, NOW - DAY])], // no longer in the bank
    ]);
    const marks = { a: { done: true, at: NOW - 40 * DAY }, b: { done: true, at: NOW - 2 * DAY }, c: { done: false, at: NOW } };
    const s = statistics({ ids, marks, reviews, now: NOW });
    assert.equal(s.doneOverTime.length, 30);
    assert.equal(s.doneOverTime[0].count, 1);
    assert.equal(s.doneOverTime.at(-1)!.count, 2);
    assert.equal(s.doneOverTime.at(-3)!.count, 2, 'b counts from the day it was ticked');
    assert.equal(s.doneOverTime.at(-4)!.count, 1);
    assert.equal(
      s.reviewsPerDay.reduce((n, d) => n + d.count, 0),
      5,
    );
    assert.equal(s.reviewsPerDay.at(-1)!.day, startOfDay(NOW), 'the heatmap ends today');
    assert.equal(new Date(s.reviewsPerDay[0].day).getDay(), 1, 'and starts on a Monday');
    assert.equal(s.reviewsPerDay.find((d) => d.day === startOfDay(NOW - 2 * DAY))!.count, 1);
    assert.deepEqual(
      { reviews: s.totals.learnedReviews, recalled: s.totals.recalled },
      { reviews: 2, recalled: 1 },
      'retention counts reviews of learned questions',
    );
    assert.equal(
      s.retention.reduce((n, w) => n + w.reviews, 0),
      2,
    );
    assert.equal(s.dueNext.length, 14);
    assert.equal(
      s.dueNext.reduce((n, d) => n + d.count, 0),
      [...reviews].filter(([id, r]) => id !== 'gone' && r.card.due < dayAfter(NOW, 14)).length,
    );
    assert.equal(s.totals.reviewed, 2);
  });
});
