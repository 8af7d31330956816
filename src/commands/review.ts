// Spaced review: Start Review (the due questions one by one, or new ones when nothing is due,
// then a summary) and Show Study Statistics. The mock interview is in mock.ts.
import * as vscode from 'vscode';
import type { Study } from '../progress/study';
import type { Pages } from '../page/pages';
import type { Reports } from '../page/report';
import { COMMANDS } from '../shared/ids';
import { command, type Command } from './registry';
import { settings } from '../source/settings';
import { ReviewSession } from '../review/session';
import { dueText } from '../review/words';
import { ratingName, reviewSummary, statisticsBody } from '../page/report-bodies';

export const newPerDay = settings.newPerDay;

export interface ReviewHost {
  study: Study;
  pages: Pages;
  reports: Reports;
  log(message: string): void;
  /** The study set the tree shows, if it shows one: a review then takes only its questions. */
  scope?(): string | undefined;
}

/** The review whose summary was shown last: undoing its last rating takes it off the summary. */
let summarized: ReviewSession | undefined;

/** What a finished (or left) review says: the summary page when anything was rated. */
export function showReviewSummary(host: ReviewHost, session: ReviewSession): void {
  const { study, reports } = host;
  summarized = session;
  if (!session.ratings.length) return;
  const lang = vscode.env.language || 'en';
  reports.show('review', vscode.l10n.t('Review Summary'), () =>
    reviewSummary({
      ratings: session.ratings,
      fresh: session.fresh,
      textOf: (id) => study.entry(id)?.question.text,
      nextDue: study.nextDue(),
      dueNow: study.dueIds().length,
      now: study.now(),
      lang,
    }),
  );
}

/**
 * Runs a review: the due questions, or (nothing due) the offer of new ones up to today's limit.
 * Resolves with the session when it ends, undefined when nothing was started.
 */
export async function startReview(
  host: ReviewHost,
  options: { acceptNew?: boolean; set?: string } = {},
): Promise<ReviewSession | undefined> {
  const { study, pages } = host;
  let session: ReviewSession;
  const perDay = settings.maxReviewsPerDay();
  // A study set (asked for, or the one the tree shows) narrows every list below to its questions.
  const setName = options.set ?? host.scope?.();
  const members = setName === undefined ? undefined : study.store.sets.all(study.bankId).get(setName);
  if (setName !== undefined && !members) {
    void vscode.window.showWarningMessage(vscode.l10n.t('There is no study set “{0}”.', setName));
    return undefined;
  }
  const within = (ids: string[]) => (members ? ids.filter((id) => members.has(id)) : ids);
  // With an interview date, the day's plan: its reviews (weakest at the date first in the last days) and its new questions.
  const plan = study.dayPlan(settings.planLimits());
  const queue = plan ? { ids: within(plan.reviewIds), backlog: plan.backlog } : study.reviewQueue(perDay, members);
  if (queue.ids.length) {
    session = new ReviewSession(queue.ids, false);
    if (queue.backlog)
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'More questions are due than today’s limit of {0} reviews: the {1} you are least likely to recall come first; {2} wait.',
          perDay,
          queue.ids.length,
          queue.backlog,
        ),
      );
  } else if (queue.backlog) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Today’s {0} reviews are done; {1} due questions wait for tomorrow (djangoPrep.maxReviewsPerDay).',
        perDay,
        queue.backlog,
      ),
    );
    return undefined;
  } else {
    const limit = newPerDay();
    // The plan's new questions (with a set, as many of the set's), else today's room from the bank or the set.
    const fresh = plan
      ? members
        ? study.newIds(Number.MAX_SAFE_INTEGER, members).slice(0, plan.newIds.length)
        : plan.newIds
      : study.newIds(limit, members);
    const next = study.nextDue();
    const when =
      next === undefined
        ? ''
        : ' ' + vscode.l10n.t('The next review falls due {0}.', dueText(next, study.now(), vscode.env.language || 'en'));
    if (!fresh.length) {
      void vscode.window.showInformationMessage(
        members
          ? vscode.l10n.t('Nothing in the study set “{0}” is due for review, and it has no new question for today.', setName!) + when
          : limit === 0 || study.newIds(Number.MAX_SAFE_INTEGER).length === 0
            ? vscode.l10n.t('Nothing is due for review.') + when
            : plan
              ? vscode.l10n.t(
                  'Nothing is due for review, and today’s plan is done: {0} new questions a day until your interview.',
                  plan.newPerDay,
                ) + when
              : vscode.l10n.t('Nothing is due for review, and today’s {0} new questions are done.', limit) + when,
      );
      return undefined;
    }
    const learn = fresh.length === 1 ? vscode.l10n.t('Learn 1 New Question') : vscode.l10n.t('Learn {0} New Questions', fresh.length);
    const accepted =
      options.acceptNew ||
      (await vscode.window.showInformationMessage(vscode.l10n.t('Nothing is due for review.') + when, learn)) === learn;
    if (!accepted) return undefined;
    session = new ReviewSession(fresh, true);
  }
  const { finished } = await pages.review(session);
  if (finished || session.ratings.length) showReviewSummary(host, session);
  if (!finished && session.ratings.length) {
    void vscode.window.setStatusBarMessage(
      vscode.l10n.t(
        'Review left after {0} of {1} questions: your ratings are kept. Start Review goes on.',
        session.ratings.length,
        session.count,
      ),
      6000,
    );
  }
  return session;
}

/**
 * Undo Last Rating: in a review, the rating just made (the page steps back to its question);
 * else the bank's latest rating. The card and its history come back as they were.
 */
export function undoLastRating(host: ReviewHost): string | undefined {
  const { study, pages } = host;
  const reviewing = pages.all().find((p) => p.review?.ratings.length);
  const undone = reviewing ? reviewing.undoRating() : study.undoRating();
  if (!undone) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no rating to undo.'));
    return undefined;
  }
  if (!reviewing)
    undone.written.catch((err: Error) => host.log(`Undoing the rating of ${undone.id} is not saved yet, and is retried: ${err.message}`));
  if (summarized?.undo(undone.id)) {
    if (summarized.ratings.length) showReviewSummary(host, summarized);
    else host.reports.close('review');
  }
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Undid the rating {0} of {1}.', ratingName(undone.rating), undone.id), 5000);
  return undone.id;
}

export function reviewCommands(host: ReviewHost): Command[] {
  const { study, reports } = host;
  return [
    command(COMMANDS.startReview, (options?: unknown) => {
      const o = typeof options === 'object' && options !== null ? (options as { acceptNew?: unknown; set?: unknown }) : {};
      return startReview(host, { acceptNew: o.acceptNew === true, ...(typeof o.set === 'string' ? { set: o.set } : {}) });
    }),
    command(COMMANDS.undoRating, () => undoLastRating(host)),
    // Check My Answer on the page looked at last (its button does the same); resolves when the reply has ended.
    command(COMMANDS.checkAnswer, async () => {
      const page = host.pages.active();
      if (page) return page.checkAnswer();
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a question first: Check My Answer checks your notes on it.'));
    }),
    command(COMMANDS.showStatistics, () => {
      const lang = vscode.env.language || 'en';
      reports.show(
        'statistics',
        vscode.l10n.t('Study Statistics'),
        () => statisticsBody(study.statistics(), { lang, bankTitle: study.bank.title }),
        [study.onDidChangeReview, study.onDidChangeProgress, study.onDidChangeBank],
      );
    }),
  ];
}
