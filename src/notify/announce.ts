// What the learner is told, once: problems of the bank (naming the file and line), stored data
// set aside, conflict copies kept. (The bank's state for the view's welcome content: source/follow.ts.)
import * as vscode from 'vscode';
import { baseName } from '../bank/io';
import type { LoadedBank } from '../bank/load';
import type { Study } from '../progress/study';
import { COMMANDS } from '../shared/ids';

/** The extension's log: an Output channel of VS Code's log kind (a time and a level on every line). */
export function createLog(): { output: vscode.LogOutputChannel; log(message: string): void } {
  const output = vscode.window.createOutputChannel('Django Interview Prep', { log: true });
  return { output, log: (message) => output.info(message) };
}

export /** Says what went wrong with the bank or the stored data, once, naming the file and line. */
function announce(study: Study, loaded: LoadedBank, output: vscode.OutputChannel, log: (m: string) => void): vscode.Disposable {
  const { file, bank, error } = loaded;
  for (const p of bank.problems) log(`${file}:${p.line}: ${p.message}`);
  if (error) {
    log(error);
    void vscode.window.showErrorMessage(error);
  } else if (bank.problems.length) {
    const [first] = bank.problems;
    const showProblems = vscode.l10n.t('Show Problems');
    const n = bank.problems.length;
    void vscode.window
      .showWarningMessage(
        n === 1
          ? vscode.l10n.t('Question bank {0}: 1 problem; the first, at line {1}: {2}.', baseName(file), first.line, first.message)
          : vscode.l10n.t('Question bank {0}: {1} problems; the first, at line {2}: {3}.', baseName(file), n, first.line, first.message),
        showProblems,
      )
      .then((choice) => choice && output.show(true));
  }
  const warnStorage = (w: { key: string; message: string }) => {
    log(`Storage: ${w.message} (the original is kept under "aside/…/${w.key}")`);
    void vscode.window.showWarningMessage(w.message);
  };
  study.warnings.forEach(warnStorage);
  const conflictKept = study.onDidKeepConflict((copy) => {
    log(`Kept a conflict copy of the note on ${copy.id} (${copy.text.length} characters): ${copy.reason}.`);
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t('Two copies of your note on {0} disagreed. The newer is the note; the other is kept as a conflict copy.', copy.id),
        vscode.l10n.t('Show Conflict Copies'),
      )
      .then((choice) => choice && vscode.commands.executeCommand(COMMANDS.showOrphanedNotes));
  });
  return vscode.Disposable.from(study.onWarning(warnStorage), conflictKept);
}
