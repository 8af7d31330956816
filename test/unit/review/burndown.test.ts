// The statistics toward the interview: the burn-down (seen, reviewed twice, the plan's line) and
// the streak of days with a review; and the statistics page drawing them.
import assert from 'node:assert/strict';
import { burnDown, streak, BURN_DOWN_MAX_DAYS } from '../../../src/review/burndown';
import { rateCard, type Rating } from '../../../src/review/fsrs';
import { withReview, type StoredReview } from '../../../src/review/record';
import { dayAfter } from '../../../src/review/queue';
import { statistics } from '../../../src/review/stats';
import { statisticsBody } from '../../../src/page/report-bodies';

const START = new Date(2026, 10, 2, 9, 0, 0).getTime();

function rated(at: readonly number[]): StoredReview {
  let review: StoredReview | undefined;
  for (const t of at) {
    const { card, entry } = rateCard(review?.card, 3 as Rating, t);
    review = withReview(review, card, entry);
  }
  return review!;
}

describe('the burn-down and the streak', () => {
  it('counts questions seen and reviewed twice by each day so far, against a plan line to the day before the last study day', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const reviews = new Map([
      ['a', rated([START, dayAfter(START, 2) + 1000])],
      ['b', rated([dayAfter(START, 1) + 1000])],
      ['gone', rated([START])], // no longer in the bank
    ]);
    const now = dayAfter(START, 2) + 5 * 3_600_000;
    const b = burnDown(ids, reviews, now, dayAfter(START, 6))!;
    assert.equal(b.days.length, 6, 'from the first review to the last study day, the day before the interview');
    assert.deepEqual(b.seen, [1, 2, 2, undefined, undefined, undefined]);
    assert.deepEqual(b.twice, [0, 0, 1, undefined, undefined, undefined]);
    assert.deepEqual(b.planned, [1, 2, 2, 3, 4, 4], 'every question seen by the day before the last');
    assert.equal(burnDown(ids, reviews, now, dayAfter(now, 0)), undefined, 'nothing once the day has come');
    const far = burnDown(ids, new Map(), now, dayAfter(now, 400))!;
    assert.equal(far.days.length, BURN_DOWN_MAX_DAYS, 'a date far off: the last days only');
    assert.equal(far.seen[0], undefined, 'which are all still to come');
  });

  it('counts the days in a row with a review, today or up to yesterday, and the longest run', () => {
    const day = (n: number, h = 9) => dayAfter(START, n) + h * 3_600_000 - 9 * 3_600_000;
    const reviews = new Map([
      ['a', rated([day(0), day(1), day(2), day(3)])],
      ['b', rated([day(6), day(7, 23)])],
    ]);
    assert.deepEqual(streak(reviews, day(7, 23)), { current: 2, longest: 4 });
    assert.deepEqual(streak(reviews, day(8, 10)), { current: 2, longest: 4 }, 'yesterday’s run holds until today ends');
    assert.deepEqual(streak(reviews, day(9, 10)), { current: 0, longest: 4 });
    assert.deepEqual(streak(new Map(), START), { current: 0, longest: 0 });
  });

  it('draws the burn-down on the statistics page only with a date, its words escaped, and the streak among the facts', () => {
    const reviews = new Map([['a', rated([START])]]);
    const input = { ids: ['a', 'b'], marks: {}, reviews, now: START + 1000 };
    const without = statisticsBody(statistics(input), { lang: 'en', bankTitle: '<b>Bank</b>' });
    assert.doesNotMatch(without, /id="burn-down"/);
    assert.match(without, /&lt;b&gt;Bank&lt;\/b&gt;/);
    assert.match(without, /<span class="value">1<\/span> <span class="key">day streak<\/span>/);
    const html = statisticsBody(statistics({ ...input, date: dayAfter(START, 10) }), { lang: 'en', bankTitle: 'Bank' });
    assert.match(html, /<figure id="burn-down">/);
    assert.match(html, /By today 1 of 2 questions seen and 0 reviewed twice; the plan has 0 seen by today/);
    assert.equal((html.match(/<polyline class="line (planned|seen|twice)"/g) ?? []).length, 3);
  });
});
