// The study plan, day by day with a clock: a learner who follows it for 30 days with the bundled
// bank's 256 questions reviews every one at least twice before the interview, no day exceeds its
// limits, and no review is scheduled after the day.
import assert from 'node:assert/strict';
import { dayPlan, daysUntil, parsePlanDate, FINAL_DAYS } from '../../../src/review/plan';
import { burnDown } from '../../../src/review/burndown';
import { rateCard, retrievability, type Rating } from '../../../src/review/fsrs';
import { withReview, type StoredReview } from '../../../src/review/record';
import { dayAfter, startOfDay } from '../../../src/review/queue';
import { StudyStore } from '../../../src/progress/store';
import { Study } from '../../../src/progress/study';
import { parseBank } from '../../../src/bank/parse';
import { MemoryStore } from '../../fakes/memory';

const HOUR = 3_600_000;
const START = new Date(2026, 10, 2, 9, 0, 0).getTime();

describe('a study plan to the interview date', () => {
  it('reads a date as YYYY-MM-DD and counts the days to it', () => {
    const date = parsePlanDate('2026-12-02')!;
    assert.equal(date, new Date(2026, 11, 2).getTime());
    assert.equal(daysUntil(date, START), 30);
    for (const bad of ['2026-02-30', '02/12/2026', 'tomorrow', '', '2026-13-01']) assert.equal(parsePlanDate(bad), undefined, bad);
  });

  it('gets every question of the bank reviewed twice in 30 days, within the daily limits, nothing due after the day', () => {
    const ids = Array.from({ length: 256 }, (_, i) => `q${i + 1}`);
    const date = dayAfter(START, 30);
    const limits = { maxNewPerDay: 20, maxReviewsPerDay: 200 };
    const reviews = new Map<string, StoredReview>();
    const rate = (id: string, rating: Rating, at: number, maxIntervalDays: number) => {
      const { card, entry } = rateCard(reviews.get(id)?.card, rating, at, maxIntervalDays);
      reviews.set(id, withReview(reviews.get(id), card, entry));
    };
    let ratingsSeen = 0;
    for (let day = 0; daysUntil(date, dayAfter(START, day)) > 0; day++) {
      let newOnDay = 0;
      let reviewsOnDay = 0;
      // Morning: the day's reviews, then its new questions; evening: what came due since.
      for (const hour of [9, 13, 20]) {
        const at = dayAfter(START, day) + hour * HOUR;
        const plan = dayPlan(ids, reviews, at, date, limits);
        plan.reviewIds.forEach((id, i) => rate(id, (ratingsSeen++ % 7 === 3 ? 2 : 3) as Rating, at + i, plan.maxIntervalDays));
        reviewsOnDay += plan.reviewIds.length;
        if (hour === 9) {
          plan.newIds.forEach((id, i) => rate(id, 3, at + 60_000 + i, plan.maxIntervalDays));
          newOnDay += plan.newIds.length;
        }
      }
      assert.ok(newOnDay <= limits.maxNewPerDay, `day ${day}: ${newOnDay} new`);
      assert.ok(reviewsOnDay <= limits.maxReviewsPerDay, `day ${day}: ${reviewsOnDay} reviews`);
    }
    const short = ids.filter((id) => (reviews.get(id)?.log.filter((e) => e.at < date).length ?? 0) < 2);
    assert.deepEqual(short, [], 'every question reviewed at least twice before the day');
    const later = ids.filter((id) => reviews.get(id)!.card.due >= dayAfter(date, 1));
    assert.deepEqual(later, [], 'no review scheduled after the interview day');
    assert.ok(
      ids.some((id) => (reviews.get(id)!.log.length ?? 0) >= 3),
      'and reviews beyond the first two, as FSRS asks',
    ); // The burn-down on the last study day: on or above the plan's line every day, everything seen and reviewed twice.
    const b = burnDown(ids, reviews, dayAfter(date, -1) + 22 * HOUR, date)!;
    assert.equal(b.days.length, 30);
    assert.equal(b.seen.at(-1), 256);
    assert.equal(b.twice.at(-1), 256);
    b.days.forEach((_, i) => assert.ok(b.seen[i]! >= b.planned[i], `day ${i}: ${b.seen[i]} seen, the plan ${b.planned[i]}`));
    assert.equal(b.planned.at(-2), 256, 'the plan has every question seen the day before the last study day');
  });

  it('spreads the new questions over the days left, says what does not fit, and goes weakest first at the end', () => {
    const ids = Array.from({ length: 100 }, (_, i) => `q${i}`);
    const date = dayAfter(START, 11);
    const plan = dayPlan(ids, new Map(), START, date, { maxNewPerDay: 5, maxReviewsPerDay: 200 });
    assert.equal(plan.daysLeft, 11);
    assert.equal(plan.newPerDay, 10, '100 questions over 10 days of introductions');
    assert.equal(plan.newIds.length, 5, 'held to the daily maximum');
    assert.equal(plan.short, 50, 'at 5 a day, 50 would not be seen in time');
    assert.equal(plan.maxIntervalDays, 10);

    // The last days: the due questions weakest at the date first.
    const near = dayAfter(START, 30 - FINAL_DAYS);
    const reviews = new Map<string, StoredReview>();
    const history = (id: string, ratings: Rating[]) => {
      let review: StoredReview | undefined;
      ratings.forEach((r, i) => {
        const { card, entry } = rateCard(review?.card, r, START + i * 86_400_000);
        review = withReview(review, card, entry);
      });
      reviews.set(id, review!);
    };
    history('q1', [3, 3, 3]);
    history('q2', [1, 1, 2]);
    history('q3', [4]);
    const end = dayPlan(['q1', 'q2', 'q3'], reviews, near, dayAfter(START, 30), { maxNewPerDay: 5, maxReviewsPerDay: 200 });
    const atDate = (id: string) => retrievability(reviews.get(id)!.card, dayAfter(START, 30));
    const due = end.reviewIds;
    assert.ok(due.length >= 2, JSON.stringify(due));
    for (let i = 1; i < due.length; i++) assert.ok(atDate(due[i - 1]) <= atDate(due[i]), `${due} weakest at the date first`);
    assert.equal(startOfDay(near) < dayAfter(START, 30), true);
  });
});

describe('the stored interview date', () => {
  it('is kept per bank, cleared, and set aside with one warning when hand-edited into the wrong shape', async () => {
    const memory = new MemoryStore();
    const store = new StudyStore(memory, () => START);
    const study = new Study('bank', parseBank('## A\n\n- What is a view?\n- What is a model?\n'), store);
    assert.equal(study.interviewDate(), undefined);
    assert.equal(study.dayPlan({ maxNewPerDay: 10, maxReviewsPerDay: 200 }), undefined, 'no date, no plan');
    const date = dayAfter(START, 10);
    await study.setInterviewDate(date);
    assert.equal(study.interviewDate(), date);
    assert.equal(study.dayPlan({ maxNewPerDay: 10, maxReviewsPerDay: 200 })!.newIds.length, 1, 'two questions over nine days');
    await study.setInterviewDate(undefined);
    assert.equal(study.interviewDate(), undefined);

    await memory.update('plan/bank', { schema: 1, date: 'soon' });
    assert.equal(study.interviewDate(), undefined);
    assert.equal(study.interviewDate(), undefined);
    await store.flush();
    assert.equal(study.warnings.length, 1, 'one warning, however often it is read');
    assert.match(study.warnings[0].message, /interview date had the wrong shape; it was set aside/);
    assert.ok(
      memory.keys().some((k) => k.startsWith('aside/') && k.endsWith('/plan/bank')),
      'kept aside, not deleted',
    );
  });
});
