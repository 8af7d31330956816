// What to study next: the questions due for review, new ones up to a daily limit, and the order
// of a mock interview (undone and weak first). Every function takes the moment. Pure: no 'vscode'.
import { NEW, retrievability } from './fsrs';
import type { StoredReview } from './record';

export type Reviews = ReadonlyMap<string, StoredReview>;

const DAY = 24 * 60 * 60 * 1000;

/** Midnight (local time) of the day holding `at`. */
export function startOfDay(at: number): number {
  const d = new Date(at);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** Midnight of the day `days` after the day holding `at` (local time, whatever the clock change). */
export function dayAfter(at: number, days: number): number {
  const d = new Date(startOfDay(at));
  d.setDate(d.getDate() + days);
  return d.getTime();
}

/** Questions of the bank (in reading order) due now, the longest overdue first. */
export function dueIds(ids: readonly string[], reviews: Reviews, now: number): string[] {
  const due: Array<[string, number]> = [];
  for (const id of ids) {
    const r = reviews.get(id);
    if (r && r.card.due <= now) due.push([id, r.card.due]);
  }
  return due.sort((a, b) => a[1] - b[1]).map(([id]) => id);
}

/** How many reviews of questions seen before (not their first) were made today. */
export function reviewedToday(reviews: Reviews, now: number): number {
  const today = startOfDay(now);
  let n = 0;
  for (const r of reviews.values()) for (const e of r.log) if (e.at >= today && e.s !== NEW) n++;
  return n;
}

/**
 * Today's reviews: the due questions, as many as the daily limit still allows, the most urgent
 * (least likely to be recalled now) first; `backlog` counts the due ones left for another day.
 */
export function reviewQueue(
  ids: readonly string[],
  reviews: Reviews,
  now: number,
  perDay: number,
): { ids: string[]; backlog: number; room: number } {
  const due = dueIds(ids, reviews, now);
  const room = Math.max(0, Math.floor(perDay) - reviewedToday(reviews, now));
  if (due.length <= room) return { ids: due, backlog: 0, room };
  // Array.prototype.sort is stable: equal recall keeps the longest overdue first.
  const urgent = due
    .map((id) => ({ id, recall: retrievability(reviews.get(id)!.card, now) }))
    .sort((a, b) => a.recall - b.recall)
    .slice(0, room)
    .map((d) => d.id);
  return { ids: urgent, backlog: due.length - room, room };
}

/** When the next review falls due after now, if any is scheduled. */
export function nextDue(ids: readonly string[], reviews: Reviews, now: number): number | undefined {
  let next: number | undefined;
  for (const id of ids) {
    const due = reviews.get(id)?.card.due;
    if (due !== undefined && due > now && (next === undefined || due < next)) next = due;
  }
  return next;
}

/** How many questions were reviewed for the first time today. */
export function newToday(reviews: Reviews, now: number): number {
  const today = startOfDay(now);
  let n = 0;
  for (const r of reviews.values()) if ((r.log[0]?.at ?? -1) >= today) n++;
  return n;
}

/** Questions never reviewed, in reading order, as many as today's limit still allows. */
export function newIds(ids: readonly string[], reviews: Reviews, now: number, perDay: number): string[] {
  const room = Math.max(0, Math.floor(perDay) - newToday(reviews, now));
  const fresh: string[] = [];
  for (const id of ids) {
    if (fresh.length >= room) break;
    if (!reviews.has(id)) fresh.push(id);
  }
  return fresh;
}

/** A question is weak when its last rating was Again or Hard, or it would likely be forgotten now. */
export function isWeak(review: StoredReview | undefined, now: number): boolean {
  if (!review) return false;
  const last = review.log.at(-1);
  return (last !== undefined && last.r <= 2) || retrievability(review.card, now) < 0.8;
}

/**
 * The questions of a mock interview: `count` of `ids`, undone and weak first (undone and weak,
 * then undone, then weak, then the rest), shuffled within each group by `random`.
 */
export function mockQuestions(
  ids: readonly string[],
  o: { count: number; isDone(id: string): boolean; reviews: Reviews; now: number; random?: () => number },
): string[] {
  const random = o.random ?? Math.random;
  const groups: string[][] = [[], [], [], []];
  for (const id of ids) {
    const weak = isWeak(o.reviews.get(id), o.now);
    const undone = !o.isDone(id);
    groups[undone && weak ? 0 : undone ? 1 : weak ? 2 : 3].push(id);
  }
  const picked: string[] = [];
  for (const group of groups) {
    for (let i = group.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [group[i], group[j]] = [group[j], group[i]];
    }
    picked.push(...group);
  }
  return picked.slice(0, Math.max(0, Math.floor(o.count)));
}

export { DAY };
