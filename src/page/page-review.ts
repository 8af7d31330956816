// The question page's part in spaced review: what its rating bar shows, a rating (moving a
// review session on), and taking a rating back (`u`: in a review, the one just made, and the
// page steps back to that question). Each write that fails is kept and retried by Storage, and
// the status bar says it is not saved (notify/saving.ts): the page goes on either way.
import * as vscode from 'vscode';
import type { Study } from '../progress/study';
import type { Rating, ReviewView } from '../shared/protocol';
import type { ReviewSession } from '../review/session';
import { dueText, ratingIntervals } from '../review/words';
import { questionHistory } from '../review/history';

/** What the page module lends: the question shown, its review session, and how it moves on. */
export interface ReviewingPage {
  readonly study: Study;
  readonly id: string;
  readonly session: ReviewSession | undefined;
  show(id: string): void;
  endReview(finished: boolean): void;
  /** Tells the page its rating bar's state changed (ReviewView). */
  postReview(): void;
  log(message: string): void;
}

export function reviewView(page: ReviewingPage): ReviewView {
  const { study, id } = page;
  const now = study.now();
  const review = study.review(id);
  const lang = vscode.env.language || 'en';
  const session = page.session;
  const inSession =
    session && session.current === id ? { position: session.position, count: session.count, fresh: session.fresh } : undefined;
  return {
    dueText: review ? dueText(review.card.due, now, lang) : '',
    lastRating: review?.log.at(-1)?.r,
    intervals: ratingIntervals(review?.card, now, lang),
    ...(inSession ? { session: inSession } : {}),
    canUndo: !!(session?.ratings.length || review),
    history: questionHistory({ id, review, mocks: study.store.mocks.list(study.bankId), now, lang }),
  };
}

/** The learner rated the question: stored, and a review session moves on to its next. */
export function rate(page: ReviewingPage, id: string, rating: Rating): void {
  const { study } = page;
  const next = () => {
    const session = page.session;
    const due = study.review(id)?.card.due;
    if (!session || session.current !== id || page.id !== id || !due) return;
    const following = session.rated(id, rating, due);
    if (following) page.show(following);
    else {
      page.endReview(true);
      page.postReview();
    }
  };
  study.rate(id, rating).then(next, (err: Error) => {
    page.log(`The rating of ${id} is not saved yet, and is retried: ${err.message}`);
    next();
  });
}

/**
 * Takes back the last rating made on the page: in a review, the one just made (the session steps
 * back and shows that question again); else the shown question's last. Undefined when none.
 */
export function undoRating(page: ReviewingPage): { id: string; rating: Rating; written: Promise<void> } | undefined {
  const { study } = page;
  const session = page.session;
  const undone = study.undoRating(session?.ratings.at(-1)?.id ?? page.id);
  if (!undone) return undefined;
  undone.written.catch((err: Error) => page.log(`Undoing the rating of ${undone.id} is not saved yet, and is retried: ${err.message}`));
  // The card is as it was now (in memory): the page need not wait for the write.
  if (session?.undo(undone.id)) page.show(undone.id);
  else page.postReview();
  return undone;
}
