// A question's history as its page shows it (folded under the rating bar): each review, newest
// first, with its rating and the interval it gave; the time taken in each mock interview; when it
// is next due and the chance of recalling it now. Words and dates through Intl in the display
// language. Pure: no 'vscode'.
import { rateCard, retrievability, type Rating, type StoredCard } from './fsrs';
import type { StoredReview } from './record';
import { timeTaken, type StoredMock } from './mock';
import { dueText, intervalText } from './words';
import { clock } from '../shared/clock';

/** A question's history, in words (the page sets each as text). */
export interface QuestionHistory {
  /** Newest first. */
  reviews: Array<{ when: string; rating: Rating; interval: string }>;
  /** Newest first: each finished answer in a mock interview and the time it took ("2:05"). */
  mocks: Array<{ when: string; took: string }>;
  /** When it is next due ("in 3 days"); empty when it was never reviewed. */
  due: string;
  /** The chance of recalling it now ("87%"); empty when it was never reviewed. */
  recall: string;
}

/** A history is shown up to this many reviews and mock answers (the newest). */
export const HISTORY_ROWS = 50;

/**
 * Each review with the interval it gave: the stored card's for the last, the history replayed for
 * the ones before (the retention set at the time is not stored, so an earlier interval is as the
 * retention now would give it).
 */
export function reviewIntervals(review: StoredReview): Array<{ at: number; rating: Rating; intervalMs: number }> {
  let card: StoredCard | undefined;
  return review.log.map((e, i) => {
    card = i === review.log.length - 1 ? review.card : rateCard(card, e.r, e.at, e.m).card;
    return { at: e.at, rating: e.r, intervalMs: Math.max(0, card.due - e.at) };
  });
}

export function questionHistory(o: {
  id: string;
  review: StoredReview | undefined;
  mocks: readonly StoredMock[];
  now: number;
  lang: string;
}): QuestionHistory {
  const date = (at: number) => dateTime(o.lang, at);
  const reviews = o.review
    ? reviewIntervals(o.review)
        .slice(-HISTORY_ROWS)
        .reverse()
        .map((r) => ({ when: date(r.at), rating: r.rating, interval: intervalText(r.intervalMs, o.lang) }))
    : [];
  const answered: Array<{ at: number; took: number }> = [];
  for (const mock of o.mocks)
    for (const item of mock.items)
      if (item.id === o.id && item.answeredAt !== undefined) answered.push({ at: item.answeredAt, took: timeTaken(item, o.now) });
  const mocks = answered
    .sort((a, b) => b.at - a.at)
    .slice(0, HISTORY_ROWS)
    .map((m) => ({ when: date(m.at), took: clock(m.took) }));
  const reviewed = !!o.review?.log.length;
  return {
    reviews,
    mocks,
    due: reviewed ? dueText(o.review!.card.due, o.now, o.lang) : '',
    recall: reviewed ? percent(o.lang, retrievability(o.review!.card, o.now)) : '',
  };
}

function format(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(lang, options);
  } catch {
    return new Intl.DateTimeFormat('en', options);
  }
}

const dateTime = (lang: string, at: number) => format(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(at);

function percent(lang: string, v: number): string {
  try {
    return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(v);
  } catch {
    return new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 }).format(v);
  }
}
