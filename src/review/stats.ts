// The numbers behind the statistics page: questions done over time, reviews per day, retention
// and the reviews falling due in the next days. Days are local calendar days. Pure: no 'vscode'.
import { REVIEW } from './fsrs';
import { dayAfter, startOfDay, type Reviews } from './queue';
import { burnDown, streak, type BurnDown } from './burndown';

export interface DayCount {
  /** Midnight (local) of the day. */
  day: number;
  count: number;
}

export interface Retention {
  /** Midnight (local) of the week's first day. */
  week: number;
  /** Reviews of questions already learned (in review), and how many of them were recalled (not Again). */
  reviews: number;
  recalled: number;
}

export interface Statistics {
  /** Questions done at the end of each day, over the last `days` days. */
  doneOverTime: DayCount[];
  /** Reviews on each day, over the last `weeks` weeks (whole weeks, ending today). */
  reviewsPerDay: DayCount[];
  /** Per week over the last `retentionWeeks` weeks. */
  retention: Retention[];
  /** Reviews due on each of the next days; today's count holds every overdue one. */
  dueNext: DayCount[];
  totals: { questions: number; done: number; reviewed: number; reviews: number; recalled: number; learnedReviews: number; dueNow: number };
  /** Days in a row with a review: the run up to today, and the longest. */
  streak: { current: number; longest: number };
  /** With an interview date still ahead: questions seen and reviewed twice, day by day, against the plan. */
  burnDown?: BurnDown;
}

export interface StatisticsInput {
  ids: readonly string[];
  marks: Readonly<Record<string, { done: boolean; at: number }>>;
  reviews: Reviews;
  now: number;
  /** The interview date (its midnight), if one is set. */
  date?: number;
  days?: number;
  weeks?: number;
  retentionWeeks?: number;
  dueDays?: number;
}

/** Index of the day holding `at` among days starting at `first` (local midnights); -1 before it. */
function dayIndex(days: readonly number[], at: number): number {
  const day = startOfDay(at);
  let lo = 0;
  let hi = days.length - 1;
  if (day < days[0]) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (days[mid] <= day) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const daysFrom = (start: number, n: number) => Array.from({ length: n }, (_, i) => dayAfter(start, i));

export function statistics(input: StatisticsInput): Statistics {
  const { ids, marks, reviews, now } = input;
  const days = input.days ?? 30;
  const weeks = input.weeks ?? 26;
  const retentionWeeks = input.retentionWeeks ?? 12;
  const dueDays = input.dueDays ?? 14;
  const inBank = new Set(ids);

  // Done over time: each done mark counts from the day it was set (marks hold the latest change only).
  const doneDays = daysFrom(dayAfter(now, -(days - 1)), days);
  const doneAdded = new Array<number>(days).fill(0);
  let doneBefore = 0;
  let done = 0;
  for (const [id, m] of Object.entries(marks)) {
    if (!m.done || !inBank.has(id)) continue;
    done++;
    const i = dayIndex(doneDays, m.at);
    if (i < 0) doneBefore++;
    else doneAdded[i]++;
  }
  let running = doneBefore;
  const doneOverTime = doneDays.map((day, i) => ({ day, count: (running += doneAdded[i]) }));

  // Reviews per day, whole weeks (Monday first) ending with the week holding today.
  const today = startOfDay(now);
  const weekday = (new Date(today).getDay() + 6) % 7;
  const heatStart = dayAfter(today, -(weekday + 7 * (weeks - 1)));
  const heatDays = daysFrom(heatStart, weekday + 1 + 7 * (weeks - 1));
  const perDay = new Array<number>(heatDays.length).fill(0);
  const retStart = dayAfter(today, -(weekday + 7 * (retentionWeeks - 1)));
  const retention: Retention[] = Array.from({ length: retentionWeeks }, (_, i) => ({
    week: dayAfter(retStart, 7 * i),
    reviews: 0,
    recalled: 0,
  }));
  const retWeeks = retention.map((r) => r.week);
  let reviewed = 0;
  let total = 0;
  let learnedReviews = 0;
  let recalled = 0;
  for (const [id, r] of reviews) {
    if (!inBank.has(id)) continue;
    reviewed++;
    for (const e of r.log) {
      total++;
      const d = dayIndex(heatDays, e.at);
      if (d >= 0 && d < heatDays.length && e.at < dayAfter(today, 1)) perDay[d]++;
      if (e.s !== REVIEW) continue;
      learnedReviews++;
      if (e.r > 1) recalled++;
      const w = dayIndex(retWeeks, e.at);
      if (w >= 0 && e.at < dayAfter(today, 1)) {
        retention[w].reviews++;
        if (e.r > 1) retention[w].recalled++;
      }
    }
  }
  const reviewsPerDay = heatDays.map((day, i) => ({ day, count: perDay[i] }));

  // Due in the next days: today holds the overdue ones.
  const dueDaysList = daysFrom(today, dueDays);
  const dueNext = dueDaysList.map((day) => ({ day, count: 0 }));
  let dueNow = 0;
  for (const [id, r] of reviews) {
    if (!inBank.has(id)) continue;
    if (r.card.due <= now) dueNow++;
    const i = r.card.due < today ? 0 : dayIndex(dueDaysList, r.card.due);
    if (i >= 0 && r.card.due < dayAfter(today, dueDays)) dueNext[i].count++;
  }

  const toDate = input.date === undefined ? undefined : burnDown(ids, reviews, now, input.date);
  return {
    doneOverTime,
    reviewsPerDay,
    retention,
    dueNext,
    totals: { questions: ids.length, done, reviewed, reviews: total, recalled, learnedReviews, dueNow },
    streak: streak(reviews, now),
    ...(toDate ? { burnDown: toDate } : {}),
  };
}
