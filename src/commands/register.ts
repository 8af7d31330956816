// The study commands: open, toggle done, previous/next, reset progress, the log; with the notes',
// the bank's and the review's (notes.ts, bank.ts, review.ts). All are registered by registry.ts.
import * as vscode from 'vscode';
import type { Study } from '../progress/study';
import type { Pages } from '../page/pages';
import type { StudyNode } from '../tree/provider';
import { COMMANDS } from '../shared/ids';
import { command, type Command } from './registry';
import { showOrphanedNotes } from './orphaned-notes';
import { pickQuestion } from './search';
import { notesCommands } from './notes';
import { bankCommands } from './bank';
import type { BankFollower } from '../source/follow';
import type { Reports } from '../page/report';
import type { Platform } from '../platform/platform';
import { reviewCommands } from './review';
import { setCommands } from './sets';
import { cardCommands } from './cards';
import { planCommands } from './plan';

export interface CommandHost {
  study: Study;
  pages: Pages;
  treeView: vscode.TreeView<StudyNode>;
  output: vscode.OutputChannel;
  /** A line in the extension's log (its Output channel). */
  log(message: string): void;
  /** The study set the tree shows, if any (a review then takes its questions). */
  scope(): string | undefined;
  follower: BankFollower;
  reports: Reports;
  platform: Platform;
}

/** A command's argument may be a question id (from code or a link) or a tree node (from a menu). */
function questionIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (typeof arg === 'object' && arg !== null && (arg as StudyNode).kind === 'question')
    return (arg as StudyNode & { kind: 'question' }).entry.question.id;
  return undefined;
}

export function studyCommands(host: CommandHost): Command[] {
  const { study, pages, treeView } = host;

  /** The question a command without an argument means: the page in front, else the tree selection. */
  const currentQuestion = (): string | undefined => {
    const page = pages.active();
    if (page) return page.questionId;
    return questionIdOf(treeView.selection[0]);
  };

  return [
    command(COMMANDS.showLog, () => host.output.show(true)),
    // A question id opens that question (the tree's rows, links, code); anything else, such as the
    // tree's selection that the view's title-bar button passes along, opens the search.
    command(COMMANDS.openQuestion, async (arg?: unknown) => {
      const id = typeof arg === 'string' ? arg : await pickQuestion(study, currentQuestion());
      if (id === undefined) return;
      if (!study.has(id)) {
        void vscode.window.showWarningMessage(vscode.l10n.t('There is no question "{0}" in the bank.', id));
        return;
      }
      pages.open(id);
    }),

    command(COMMANDS.openQuestionInNewPage, (arg?: unknown) => {
      const id = questionIdOf(arg) ?? currentQuestion();
      if (id !== undefined && study.has(id)) pages.open(id, { newPage: true });
    }),

    command(COMMANDS.showOrphanedNotes, (arg?: unknown) => showOrphanedNotes(study, arg)),

    command(COMMANDS.toggleDone, async (arg?: unknown) => {
      const id = questionIdOf(arg) ?? currentQuestion();
      if (id === undefined || !study.has(id)) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open or select a question first, then toggle it done.'));
        return;
      }
      await study.setDone(id, !study.isDone(id));
    }),

    command(COMMANDS.nextQuestion, () => pages.active()?.navigate('next')),

    // Moving on: the next question not done after the one in front (wrapping round), or a random
    // one of those not done (any, once all are).
    command(COMMANDS.nextUndone, () => {
      const ids = study.entries.map((e) => e.question.id);
      const from = Math.max(-1, study.position(currentQuestion() ?? ''));
      const order = [...ids.slice(from + 1), ...ids.slice(0, from + 1)];
      const next = order.find((id) => !study.isDone(id));
      if (next === undefined)
        void vscode.window.showInformationMessage(vscode.l10n.t('Every question is done. Reset Progress… starts again.'));
      else pages.open(next);
    }),
    command(COMMANDS.randomQuestion, () => {
      const ids = study.entries.map((e) => e.question.id);
      const current = currentQuestion();
      const undone = ids.filter((id) => !study.isDone(id) && id !== current);
      const from = undone.length ? undone : ids.filter((id) => id !== current);
      if (from.length) pages.open(from[Math.floor(Math.random() * from.length)]);
    }),
    command(COMMANDS.previousQuestion, () => pages.active()?.navigate('previous')),

    command(COMMANDS.resetProgress, async () => {
      const markers = vscode.l10n.t('Back to the Bank’s Markers');
      const clear = vscode.l10n.t('Clear All');
      const { done, total } = study.total();
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('Reset your progress?'),
        {
          modal: true,
          detail: [
            vscode.l10n.t('{0} of {1} questions are done in this workspace.', done, total),
            vscode.l10n.t('“{0}” keeps only the questions the bank marks done; “{1}” unticks every question.', markers, clear),
            vscode.l10n.t('Your notes, review history and mock interviews are kept either way.'),
          ].join(' '),
        },
        markers,
        clear,
      );
      if (choice === markers) await study.resetToMarkers();
      else if (choice === clear) await study.clearAll();
    }),

    ...notesCommands(study, pages),
    ...reviewCommands({ study, pages, reports: host.reports, log: host.log, scope: host.scope }),
    ...planCommands(study),
    ...setCommands(study, (arg) => questionIdOf(arg) ?? currentQuestion()),
    ...cardCommands(study, host.platform, host.log),
    ...bankCommands({
      study,
      follower: host.follower,
      output: host.output,
      platform: host.platform,
      currentQuestion: (arg) => questionIdOf(arg) ?? currentQuestion(),
    }),
  ];
}
