// The study commands: open, toggle done, previous/next, reset progress, show bank problems.
import * as vscode from 'vscode';
import type { Study } from '../progress/study';
import type { QuestionPanels } from '../panel/manager';
import type { StudyNode } from '../tree/provider';
import { COMMANDS } from './ids';

export interface CommandHost {
  study: Study;
  panels: QuestionPanels;
  treeView: vscode.TreeView<StudyNode>;
  output: vscode.OutputChannel;
}

/** A command's argument may be a question id (from code or a link) or a tree node (from a menu). */
function questionIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (typeof arg === 'object' && arg !== null && (arg as StudyNode).kind === 'question') return (arg as StudyNode & { kind: 'question' }).entry.question.id;
  return undefined;
}

export function registerStudyCommands(host: CommandHost): vscode.Disposable[] {
  const { study, panels, treeView } = host;

  /** The question a command without an argument means: the page in front, else the tree selection. */
  const currentQuestion = (): string | undefined => {
    const page = panels.active();
    if (page) return page.questionId;
    return questionIdOf(treeView.selection[0]);
  };

  return [
    vscode.commands.registerCommand(COMMANDS.openQuestion, async (arg?: unknown) => {
      let id = questionIdOf(arg);
      if (id === undefined) {
        const picked = await vscode.window.showQuickPick(
          study.entries.map((e) => ({
            label: `${study.isDone(e.question.id) ? '$(pass-filled)' : '$(circle-large-outline)'} ${e.question.text}`,
            description: e.question.id,
            detail: e.path.map((s) => s.title).join(' › '),
            id: e.question.id,
          })),
          { placeHolder: 'Open a question', matchOnDescription: true, matchOnDetail: true },
        );
        id = picked?.id;
      }
      if (id === undefined) return;
      if (!study.has(id)) {
        void vscode.window.showWarningMessage(`There is no question "${id}" in the bank.`);
        return;
      }
      panels.open(id);
    }),

    vscode.commands.registerCommand(COMMANDS.openQuestionInNewPage, (arg?: unknown) => {
      const id = questionIdOf(arg) ?? currentQuestion();
      if (id !== undefined && study.has(id)) panels.open(id, { newPage: true });
    }),

    vscode.commands.registerCommand(COMMANDS.showOrphanedNotes, async (arg?: unknown) => {
      const ids = study.orphanedNoteIds();
      if (!ids.length) {
        void vscode.window.showInformationMessage('No orphaned notes: every note belongs to a question in the bank.');
        return;
      }
      let id = typeof arg === 'string' && ids.includes(arg) ? arg : undefined;
      if (id === undefined) {
        const picked = await vscode.window.showQuickPick(
          ids.map((noteId) => {
            const text = study.getNote(noteId);
            return { label: noteId, description: `${text.length} characters`, detail: text.split('\n', 1)[0].slice(0, 120), id: noteId };
          }),
          { placeHolder: 'Notes of questions no longer in the bank: pick one to open it' },
        );
        id = picked?.id;
      }
      if (id === undefined) return;
      // Opened as an untitled document: the note stays in storage, and the user can copy or save it.
      const document = await vscode.workspace.openTextDocument({
        language: 'markdown',
        content: `<!-- Your note on question "${id}", which is no longer in the bank. It is still kept in workspace storage. -->\n\n${study.getNote(id)}`,
      });
      await vscode.window.showTextDocument(document, { preview: false });
    }),

    vscode.commands.registerCommand(COMMANDS.toggleDone, async (arg?: unknown) => {
      const id = questionIdOf(arg) ?? currentQuestion();
      if (id === undefined || !study.has(id)) {
        void vscode.window.showInformationMessage('Open or select a question first, then toggle it done.');
        return;
      }
      await study.setDone(id, !study.isDone(id));
    }),

    vscode.commands.registerCommand(COMMANDS.nextQuestion, () => panels.active()?.navigate('next')),
    vscode.commands.registerCommand(COMMANDS.previousQuestion, () => panels.active()?.navigate('previous')),

    vscode.commands.registerCommand(COMMANDS.resetProgress, async () => {
      const markers = 'Back to the Bank’s Markers';
      const clear = 'Clear All';
      const { done, total } = study.total();
      const choice = await vscode.window.showWarningMessage(
        'Reset your progress?',
        {
          modal: true,
          detail: `${done} of ${total} questions are done in this workspace. “${markers}” keeps only the questions the bank marks done; “${clear}” unticks every question. Your notes are kept either way.`,
        },
        markers,
        clear,
      );
      if (choice === markers) await study.resetToMarkers();
      else if (choice === clear) await study.clearAll();
    }),

    vscode.commands.registerCommand(COMMANDS.showProblems, () => host.output.show(true)),
  ];
}
