// What has not been saved, told plainly. A write to storage or its journal that failed, or a
// note file that could not be written, is kept and retried until it lands (progress/storage.ts,
// progress/note-files.ts); meanwhile a status-bar warning names what waits and why, each cause is
// told once in a notification that offers the log, and the page beside a note says "Not saved".
// When everything has landed, the warning goes.
import * as vscode from 'vscode';
import type { StudyStore, Unsaved } from '../progress/store';
import { COMMANDS, STATUS_ITEMS } from '../shared/ids';

export function followSaving(store: StudyStore, output: vscode.LogOutputChannel): vscode.Disposable {
  const status = vscode.window.createStatusBarItem(STATUS_ITEMS.unsaved, vscode.StatusBarAlignment.Left, 99);
  status.name = vscode.l10n.t('Django Interview Prep: Not Saved');
  status.command = COMMANDS.showLog;
  status.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
  /** The causes told so far: each once, until everything has landed. */
  const told = new Set<string>();
  let wasUnsaved = false;
  const show = (u: Unsaved) => {
    const count = u.writes.length + u.files.length;
    if (!count) {
      status.hide();
      if (wasUnsaved) output.info('Everything that waited has been saved.');
      wasUnsaved = false;
      told.clear();
      return;
    }
    wasUnsaved = true;
    const lines = [
      ...u.writes.map((w) => vscode.l10n.t('Not saved yet: {0} ({1})', w.key, w.reason)),
      ...u.files.map((f) => vscode.l10n.t('Note file not written: {0} ({1})', f.path, f.reason)),
    ];
    status.text = `$(warning) ${vscode.l10n.t('Not saved')}`;
    status.tooltip = [...lines, vscode.l10n.t('Kept and retried until it is saved. Click to show the log.')].join('\n');
    status.accessibilityInformation = { label: vscode.l10n.t('Not saved: {0}', lines.join('; ')) };
    status.show();
    for (const w of u.writes)
      tell(
        w.reason,
        vscode.l10n.t('Your study data could not be saved: {0}. It is kept and retried until it is saved.', w.reason),
        `${w.key}: ${w.reason}`,
      );
    for (const f of u.files)
      tell(
        `${f.path}\n${f.reason}`,
        vscode.l10n.t('The note file {0} could not be written: {1}. It is retried until it is written.', f.path, f.reason),
        `${f.path}: ${f.reason}`,
      );
  };
  const tell = (cause: string, message: string, line: string) => {
    output.error(`Not saved: ${line}`);
    if (told.has(cause)) return;
    told.add(cause);
    const showLog = vscode.l10n.t('Show Log');
    void vscode.window.showWarningMessage(message, showLog).then((choice) => choice === showLog && output.show(true));
  };
  show(store.unsaved());
  return vscode.Disposable.from(status, store.onDidChangeUnsaved(show) as vscode.Disposable);
}
