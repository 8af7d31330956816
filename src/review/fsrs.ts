// Scheduling by FSRS through ts-fsrs (the maintained TypeScript implementation): a question's
// card, rated Again/Hard/Good/Easy at a moment, gives the next card and when it is due. Times are
// milliseconds since the epoch and every function takes the moment (a clock), so tests run a
// month of reviews in milliseconds. Pure: no 'vscode'.
import { createEmptyCard, fsrs, generatorParameters, type Card, type FSRS, type Grade } from 'ts-fsrs';

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
}

/** The chance of recall a card is scheduled for, unless the learner sets djangoPrep.desiredRetention. */
export const DEFAULT_RETENTION = 0.9;

// No fuzz: the same reviews always give the same card, so two windows' merged histories agree.
// The desired retention only sets how far ahead a card falls due (its stability and difficulty
// do not depend on it), so a history replayed at another retention gives the same memory state.
const schedulers = new Map<number, FSRS>();
let desired = DEFAULT_RETENTION;

/** The retention every card is scheduled for from now on: the setting, as the extension reads it. */
export function setDesiredRetention(retention: number): void {
  desired = retention;
}

export function desiredRetention(): number {
  return desired;
}

function scheduler(): FSRS {
  let s = schedulers.get(desired);
  if (!s) schedulers.set(desired, (s = fsrs(generatorParameters({ enable_fuzz: false, request_retention: desired }))));
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

/** The card after a review rated `rating` at `now`, and the log entry of that review. */
export function rateCard(card: StoredCard | undefined, rating: Rating, now: number): { card: StoredCard; entry: LogEntry } {
  const before = card ?? newCard(now);
  const next = scheduler().next(toCard(before), new Date(now), rating as Grade);
  return { card: fromCard(next.card), entry: { r: rating, at: now, s: before.state } };
}

/** The card that a history of reviews gives, oldest first (used when two histories merge). */
export function replay(log: readonly LogEntry[]): StoredCard | undefined {
  let card: StoredCard | undefined;
  for (const e of log) card = rateCard(card, e.r, e.at).card;
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

/** The probability of recalling the card now (0 to 1); 0 for a card never reviewed. */
export function retrievability(card: StoredCard, now: number): number {
  if (card.state === NEW) return 0;
  return scheduler().get_retrievability(toCard(card), new Date(now), false);
}
