// The notes commands: export every note to one Markdown file, and send code from the editor
// into the notes of a question.
import * as vscode from 'vscode';
import type { Study } from '../progress/study';
import type { Pages } from '../page/pages';
import { exportNotes } from '../export/export';
import { codeBlock } from '../export/code-block';
import { slug } from '../bank/ids';
import { COMMANDS } from '../shared/ids';
import { pickQuestion } from './search';

export function registerNotesCommands(study: Study, pages: Pages): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.exportNotes, async (target?: unknown) => {
      let uri = target instanceof vscode.Uri ? target : undefined;
      if (!uri) {
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
        const name = `${slug(study.bank.title)}-notes.md`;
        uri = await vscode.window.showSaveDialog({
          defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
          filters: { Markdown: ['md'] },
          saveLabel: vscode.l10n.t('Export Notes'),
          title: vscode.l10n.t('Export your notes on {0}', study.bank.title),
        });
      }
      if (!uri) return;
      const { markdown, questions } = exportNotes({ bank: study.bank, note: (id) => study.getNote(id), isDone: (id) => study.isDone(id), at: new Date() });
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(markdown));
      await vscode.window.showTextDocument(uri, { preview: false });
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Exported the notes and ticks of {0} questions.', questions), 5000);
    }),

    vscode.commands.registerCommand(COMMANDS.addSelectionToNotes, async () => {
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
