// The notes commands: export every note to one Markdown file, back up and restore a bank's
// progress and notes, and send code from the editor into the notes of a question.
import * as vscode from 'vscode';
import type { Study } from '../progress/study';
import type { Pages } from '../page/pages';
import { exportNotes } from '../export/export';
import { codeBlock } from '../export/code-block';
import { slug } from '../bank/ids';
import { COMMANDS } from '../shared/ids';
import { command, type Command } from './registry';
import { pickQuestion } from './search';
import { readBackup } from '../progress/backup';

/**
 * The file a command writes: the one it was given (tests, other extensions), else the one the
 * learner picks in a save dialog that suggests this name in the workspace folder.
 */
export async function saveTarget(
  given: unknown,
  name: string,
  options: Omit<vscode.SaveDialogOptions, 'defaultUri'>,
): Promise<vscode.Uri | undefined> {
  if (given instanceof vscode.Uri) return given;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.window.showSaveDialog({ ...options, defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined });
}

export function notesCommands(study: Study, pages: Pages): Command[] {
  return [
    command(COMMANDS.exportNotes, async (target?: unknown) => {
      const uri = await saveTarget(target, `${slug(study.bank.title)}-notes.md`, {
        filters: { Markdown: ['md'] },
        saveLabel: vscode.l10n.t('Export Notes'),
        title: vscode.l10n.t('Export your notes on {0}', study.bank.title),
      });
      if (!uri) return;
      const { markdown, questions } = exportNotes({
        bank: study.bank,
        note: (id) => study.getNote(id),
        isDone: (id) => study.isDone(id),
        feedback: (id) => study.store.feedback.entries(study.bankId, id),
        at: new Date(),
      });
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(markdown));
      await vscode.window.showTextDocument(uri, { preview: false });
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Exported the notes and ticks of {0} questions.', questions), 5000);
    }),

    command(COMMANDS.exportBackup, async (target?: unknown) => {
      const uri = await saveTarget(target, `${slug(study.bank.title)}-backup-${new Date().toISOString().slice(0, 10)}.json`, {
        filters: { JSON: ['json'] },
        saveLabel: vscode.l10n.t('Back Up'),
      });
      if (!uri) return;
      const backup = study.store.backup(study.bankId, study.bank.title, new Date());
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify(backup, null, 1) + '\n'));
      void vscode.window.setStatusBarMessage(
        vscode.l10n.t('Backed up {0} stored entries of {1}.', Object.keys(backup.entries).length, study.bank.title),
        5000,
      );
    }),

    command(COMMANDS.importBackup, async (source?: unknown, confirmed?: unknown) => {
      let uri = source instanceof vscode.Uri ? source : undefined;
      if (!uri) {
        const picked = await vscode.window.showOpenDialog({
          canSelectMany: false,
          filters: { JSON: ['json'] },
          openLabel: vscode.l10n.t('Restore'),
        });
        uri = picked?.[0];
      }
      if (!uri) return;
      let text: string;
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch (err) {
        void vscode.window.showErrorMessage(vscode.l10n.t('The backup {0} could not be read: {1}.', uri.fsPath, (err as Error).message));
        return;
      }
      const read = readBackup(text);
      if (!read.ok) {
        void vscode.window.showErrorMessage(vscode.l10n.t('{0} cannot be restored: {1}.', uri.fsPath, read.message));
        return;
      }
      if (confirmed !== true) {
        const restore = vscode.l10n.t('Restore');
        const choice = await vscode.window.showWarningMessage(
          vscode.l10n.t('Restore the backup of “{0}” into “{1}”?', read.backup.bankTitle, study.bank.title),
          {
            modal: true,
            detail:
              vscode.l10n.t('Ticks, notes and review histories are merged: nothing newer is overwritten.') +
              ' ' +
              vscode.l10n.t('Where a note changed on both sides, the other text is kept as a conflict copy.'),
          },
          restore,
        );
        if (choice !== restore) return;
      }
      const result = await study.store.restore(read.backup, study.bankId);
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'Restored: {0} notes newer in the backup, {1} kept as conflict copies, ticks {2}, reviews of {3} questions added.',
          result.notes,
          result.conflicts,
          result.progress ? vscode.l10n.t('merged') : vscode.l10n.t('unchanged'),
          result.reviews,
        ),
      );
    }),

    command(COMMANDS.addSelectionToNotes, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.selections.every((s) => s.isEmpty)) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Select some code in the editor first.'));
        return;
      }
      const id = pages.active()?.questionId ?? (await pickQuestion(study));
      if (id === undefined || !study.has(id)) return;
      const selection = editor.selections.find((s) => !s.isEmpty)!;
      const block = codeBlock({
        code: editor.document.getText(selection),
        languageId: editor.document.languageId,
        path: vscode.workspace.asRelativePath(editor.document.uri, false),
        line: selection.start.line + 1,
      });
      try {
        await study.appendToNote(id, block);
      } catch (err) {
        void vscode.window.showErrorMessage(vscode.l10n.t('The code was not added to the notes on {0}: {1}.', id, (err as Error).message));
        return;
      }
      pages.open(id, { preserveFocus: true });
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Added to the notes on {0}.', id), 4000);
    }),
  ];
}
