// A study plan to the interview date. Every question not yet reviewed is introduced early enough
// that it is reviewed again before the day: new questions are spread over the days left but one,
// at most the daily maximum a day; no review is scheduled on or after the day (FSRS's longest
// interval is the days left); in the last days the reviews take the questions weakest at the date
// first. Without a date, none of this applies. Every function takes the moment. Pure: no 'vscode'.
import { retrievability } from './fsrs';
import { dayAfter, newToday, reviewQueue, startOfDay, type Reviews } from './queue';

const DAY = 24 * 60 * 60 * 1000;
/** The last days, when reviews go weakest first. */
export const FINAL_DAYS = 3;

export interface PlanLimits {
  /** The most new questions a day (djangoPrep.newPerDay). */
  maxNewPerDay: number;
  /** The most reviews a day (djangoPrep.maxReviewsPerDay). */
  maxReviewsPerDay: number;
}

export interface DayPlan {
  /** Whole days from today to the interview day (today counts, the day itself does not). */
  daysLeft: number;
  /** Questions never reviewed. */
  unseen: number;
  /** The new questions today's plan still has room for, in reading order. */
  newIds: string[];
  /** How many new questions a day the plan asks for now (before the daily maximum). */
  newPerDay: number;
  /** Today's reviews within the daily limit, in the order to take them. */
  reviewIds: string[];
  /** Due questions left for another day by the daily limit. */
  backlog: number;
  /** The longest interval a review may give today: the next review still falls before the day. */
  maxIntervalDays: number;
  /** Questions the plan cannot introduce in time at the daily maximum (0: it fits). */
  short: number;
}

/** Midnight of the interview day, from `YYYY-MM-DD` (local time); undefined when it is no date. */
export function parsePlanDate(text: string): number | undefined {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  return date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d ? date.getTime() : undefined;
}

/** The longest interval a review may give with `daysLeft` days to the interview: it falls due the day before at the latest. */
export const longestInterval = (daysLeft: number): number => Math.max(1, daysLeft - 1);

/** Days from the day holding `now` to the interview day; 0 or less once it has come. */
export function daysUntil(date: number, now: number): number {
  return Math.round((startOfDay(date) - startOfDay(now)) / DAY);
}

/** Today's plan toward the interview at `date` (its day's midnight). */
export function dayPlan(ids: readonly string[], reviews: Reviews, now: number, date: number, limits: PlanLimits): DayPlan {
  const daysLeft = Math.max(0, daysUntil(date, now));
  const unseenIds = ids.filter((id) => !reviews.has(id));
  // Introduced by the day before the last study day, each is reviewed again before the interview.
  const introDays = Math.max(1, daysLeft - 1);
  const introducedToday = newToday(reviews, now);
  const newPerDay = Math.ceil((unseenIds.length + introducedToday) / introDays);
  const room = Math.max(0, Math.min(newPerDay, Math.floor(limits.maxNewPerDay)) - introducedToday);
  // At the daily maximum from today on, how many would still be unseen after the introduction days.
  const short = Math.max(0, unseenIds.length + introducedToday - Math.floor(limits.maxNewPerDay) * introDays);

  const queue = reviewQueue(ids, reviews, now, limits.maxReviewsPerDay);
  let reviewIds = queue.ids;
  if (daysLeft <= FINAL_DAYS) {
    // Weakest at the date first: the lowest chance of recalling it on the day.
    const atDate = new Map(reviewIds.map((id) => [id, retrievability(reviews.get(id)!.card, date)]));
    reviewIds = [...reviewIds].sort((a, b) => atDate.get(a)! - atDate.get(b)!);
  }
  return {
    daysLeft,
    unseen: unseenIds.length,
    newIds: unseenIds.slice(0, room),
    newPerDay,
    reviewIds,
    backlog: queue.backlog,
    // Rated today, a card falls due at most this many days on: the day before the interview.
    maxIntervalDays: longestInterval(daysLeft),
    short,
  };
}

/** The day before the interview day, the last one the plan schedules a review on. */
export const lastStudyDay = (date: number): number => dayAfter(date, -1);
