// Toward the interview date, day by day: how many questions were seen (reviewed once) and how
// many reviewed twice, against the plan's line (every question seen by the day before the last
// study day, so each is reviewed again in time); and the learner's streak of days with a review.
// Days are local calendar days. Pure: no 'vscode'.
import { dayAfter, startOfDay, type Reviews } from './queue';
import { lastStudyDay } from './plan';

/** The chart starts at most this many days before the interview. */
export const BURN_DOWN_MAX_DAYS = 120;

export interface BurnDown {
  /** Midnights (local), from the first day of study (or today) to the last study day. */
  days: number[];
  /** Questions seen by the end of each day; undefined for days still to come. */
  seen: Array<number | undefined>;
  /** Questions reviewed at least twice by the end of each day; undefined for days still to come. */
  twice: Array<number | undefined>;
  /** The plan's line: every question seen by the day before the last study day. */
  planned: number[];
  total: number;
}

/** The burn-down to the interview at `date` (its midnight); undefined once the day has come. */
export function burnDown(ids: readonly string[], reviews: Reviews, now: number, date: number): BurnDown | undefined {
  const today = startOfDay(now);
  const last = lastStudyDay(date);
  if (last < today) return undefined;
  const inBank = new Set(ids);
  const firstAt: number[] = [];
  const secondAt: number[] = [];
  for (const [id, r] of reviews) {
    if (!inBank.has(id) || !r.log.length) continue;
    firstAt.push(r.log[0].at);
    if (r.log.length > 1) secondAt.push(r.log[1].at);
  }
  firstAt.sort((a, b) => a - b);
  secondAt.sort((a, b) => a - b);
  const earliest = firstAt.length ? startOfDay(firstAt[0]) : today;
  const start = Math.max(Math.min(earliest, today), dayAfter(last, -(BURN_DOWN_MAX_DAYS - 1)));
  const days: number[] = [];
  for (let d = start; d <= last; d = dayAfter(d, 1)) days.push(d);
  // How many of the sorted times fall before the end of each day: one sweep per list.
  const upTo = (times: number[]) => {
    let i = 0;
    return days.map((d) => {
      const end = dayAfter(d, 1);
      while (i < times.length && times[i] < end) i++;
      return d <= today ? i : undefined;
    });
  };
  const total = ids.length;
  // Seen by the day before the last study day: one day left for each to be reviewed again.
  const introDays = Math.max(1, days.length - 1);
  return {
    days,
    seen: upTo(firstAt),
    twice: upTo(secondAt),
    planned: days.map((_, i) => Math.min(total, Math.round((total * (i + 1)) / introDays))),
    total,
  };
}

/**
 * Days in a row with a review: `current` ends today (or yesterday, while today has none yet),
 * `longest` is the longest run ever.
 */
export function streak(reviews: Reviews, now: number): { current: number; longest: number } {
  const days = new Set<number>();
  for (const r of reviews.values()) for (const e of r.log) if (e.at <= now) days.add(startOfDay(e.at));
  const sorted = [...days].sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  let previous: number | undefined;
  for (const d of sorted) {
    run = previous !== undefined && dayAfter(previous, 1) === d ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = d;
  }
  const today = startOfDay(now);
  let current = 0;
  for (let d = days.has(today) ? today : dayAfter(today, -1); days.has(d); d = dayAfter(d, -1)) current++;
  return { current, longest };
}
