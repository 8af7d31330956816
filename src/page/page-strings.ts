// The question page's words, in the display language (English until the extension ships a
// translation): put into its markup by html.ts, so the page's script needs no strings of its own.
import * as vscode from 'vscode';
import type { PageStrings } from './html';

/** The page's words in the display language (English until the extension ships a translation). */
export function pageStrings(): PageStrings {
  return {
    lang: vscode.env.language || 'en',
    title: vscode.l10n.t('Question'),
    section: vscode.l10n.t('Section'),
    toolbar: vscode.l10n.t('Question'),
    done: vscode.l10n.t('Done'),
    previous: vscode.l10n.t('Previous'),
    previousTitle: vscode.l10n.t('Previous question'),
    next: vscode.l10n.t('Next'),
    nextTitle: vscode.l10n.t('Next question'),
    notes: vscode.l10n.t('Answer notes'),
    markdown: vscode.l10n.t('Markdown'),
    placeholder: vscode.l10n.t('Write your answer here. It is saved as you type.'),
    saved: vscode.l10n.t('Saved'),
    saving: vscode.l10n.t('Saving…'),
    notSaved: vscode.l10n.t('Not saved: {0}'),
    retrying: vscode.l10n.t('Not saved: {0} · retrying'),
    keptDraft: vscode.l10n.t('Saved · an older draft was kept as a conflict copy'),
    edit: vscode.l10n.t('Edit'),
    preview: vscode.l10n.t('Preview'),
    notesView: vscode.l10n.t('Notes view'),
    nothingToPreview: vscode.l10n.t('Nothing written yet.'),
    showAnswer: vscode.l10n.t('Show answer'),
    hideAnswer: vscode.l10n.t('Hide answer'),
    answer: vscode.l10n.t('The bank’s answer'),
    rateRecall: vscode.l10n.t('How well did you recall it?'),
    undoRating: vscode.l10n.t('Undo'),
    history: vscode.l10n.t('History'),
    historyNow: vscode.l10n.t('Next due {0}; the chance of recalling it now: {1}.'),
    historyNone: vscode.l10n.t('Not reviewed yet.'),
    historyReviews: vscode.l10n.t('Reviews'),
    historyReview: vscode.l10n.t('{0}: {1}, next after {2}'),
    historyMocks: vscode.l10n.t('Mock interviews'),
    historyMock: vscode.l10n.t('{0}: answered in a mock interview in {1}'),
    undoRatingTitle: vscode.l10n.t('Undo the last rating: the question’s schedule and history as they were'),
    ratings: [vscode.l10n.t('Again'), vscode.l10n.t('Hard'), vscode.l10n.t('Good'), vscode.l10n.t('Easy')],
    notReviewed: vscode.l10n.t('Not reviewed yet: rate it to schedule a review.'),
    nextReview: vscode.l10n.t('Next review {0}'),
    reviewPosition: vscode.l10n.t('Review {0} of {1}'),
    newPosition: vscode.l10n.t('New question {0} of {1}'),
    reveal: vscode.l10n.t('Show answer'),
    revealHint: vscode.l10n.t('Answer in your head first; your notes and the bank’s answer come next.'),
  };
}
