// Scheduling by FSRS through ts-fsrs (the maintained TypeScript implementation): a question's
// card, rated Again/Hard/Good/Easy at a moment, gives the next card and when it is due. Times are
// milliseconds since the epoch and every function takes the moment (a clock), so tests run a
// month of reviews in milliseconds. Pure: no 'vscode'.
import { createEmptyCard, forgetting_curve, fsrs, generatorParameters, type Card, type FSRS, type Grade } from 'ts-fsrs';

import { isRating, type Rating } from '../shared/protocol';

export { isRating, type Rating };
export const RATINGS: readonly Rating[] = [1, 2, 3, 4];

/** FSRS's card states: new, learning, review, relearning. */
export type CardState = 0 | 1 | 2 | 3;
export const NEW = 0;
export const REVIEW = 2;

/** A card as stored: FSRS's card with times in milliseconds. */
export interface StoredCard {
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: CardState;
  last_review?: number;
}

/** One review: its rating, when, and the card's state before it (for retention). */
export interface LogEntry {
  r: Rating;
  at: number;
  s: CardState;
  /** The longest interval, in days, the review could give: a study plan keeps every review before the interview. */
  m?: number;
}

/** The chance of recall a card is scheduled for, unless the learner sets djangoPrep.desiredRetention. */
export const DEFAULT_RETENTION = 0.9;

const DAY_MS = 24 * 60 * 60 * 1000;

// No fuzz: the same reviews always give the same card, so two windows' merged histories agree.
// The desired retention only sets how far ahead a card falls due (its stability and difficulty
// do not depend on it), so a history replayed at another retention gives the same memory state.
const schedulers = new Map<string, FSRS>();
let desired = DEFAULT_RETENTION;

/** The retention every card is scheduled for from now on: the setting, as the extension reads it. */
export function setDesiredRetention(retention: number): void {
  desired = retention;
}

export function desiredRetention(): number {
  return desired;
}

function scheduler(maxIntervalDays?: number): FSRS {
  const key = `${desired}/${maxIntervalDays ?? ''}`;
  let s = schedulers.get(key);
  if (!s) {
    const params = generatorParameters({
      enable_fuzz: false,
      request_retention: desired,
      ...(maxIntervalDays === undefined ? {} : { maximum_interval: maxIntervalDays }),
    });
    schedulers.set(key, (s = fsrs(params)));
  }
  return s;
}

const toCard = (c: StoredCard): Card => ({
  ...c,
  due: new Date(c.due),
  last_review: c.last_review === undefined ? undefined : new Date(c.last_review),
});

const fromCard = (c: Card): StoredCard => {
  const stored: StoredCard = {
    due: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsed_days,
    scheduled_days: c.scheduled_days,
    learning_steps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state as CardState,
  };
  if (c.last_review) stored.last_review = c.last_review.getTime();
  return stored;
};

export function newCard(now: number): StoredCard {
  return fromCard(createEmptyCard(new Date(now)));
}

/**
 * The card after a review rated `rating` at `now`, and the log entry of that review. With
 * `maxIntervalDays` (a study plan's days left) no interval is longer; the entry keeps it, so a
 * replayed history gives the same card.
 */
export function rateCard(
  card: StoredCard | undefined,
  rating: Rating,
  now: number,
  maxIntervalDays?: number,
): { card: StoredCard; entry: LogEntry } {
  const before = card ?? newCard(now);
  const max = maxIntervalDays === undefined ? undefined : Math.max(1, Math.floor(maxIntervalDays));
  const next = fromCard(scheduler(max).next(toCard(before), new Date(now), rating as Grade).card);
  const entry: LogEntry = { r: rating, at: now, s: before.state };
  if (max !== undefined) {
    entry.m = max;
    // ts-fsrs keeps Good a day past Hard and Easy past Good, over its maximum_interval: held here.
    const latest = now + max * DAY_MS;
    if (next.due > latest) Object.assign(next, { due: latest, scheduled_days: max });
  }
  return { card: next, entry };
}

/** The card that a history of reviews gives, oldest first (used when two histories merge). */
export function replay(log: readonly LogEntry[]): StoredCard | undefined {
  let card: StoredCard | undefined;
  for (const e of log) card = rateCard(card, e.r, e.at, e.m).card;
  return card;
}

/** When the card would next be due for each rating given now: the page shows it on the buttons. */
export function dueAfter(card: StoredCard | undefined, now: number): Record<Rating, number> {
  const preview = scheduler().repeat(toCard(card ?? newCard(now)), new Date(now));
  return {
    1: preview[1].card.due.getTime(),
    2: preview[2].card.due.getTime(),
    3: preview[3].card.due.getTime(),
    4: preview[4].card.due.getTime(),
  };
}

/** FSRS's weights: the forgetting curve's decay is among them (the desired retention is not). */
const WEIGHTS = generatorParameters({ enable_fuzz: false }).w;

/**
 * The probability of recalling the card now (0 to 1); 0 for a card never reviewed. ts-fsrs's own
 * curve on whole days since the last review, as its get_retrievability reads it, without making
 * Dates of the card: a plan at 10,000 questions asks this of every due one.
 */
export function retrievability(card: StoredCard, now: number): number {
  if (card.state === NEW) return 0;
  if (card.last_review === undefined) return scheduler().get_retrievability(toCard(card), new Date(now), false);
  const days = Math.max(Math.floor((now - card.last_review) / DAY_MS), 0);
  return forgetting_curve(WEIGHTS, days, +card.stability.toFixed(8));
}
