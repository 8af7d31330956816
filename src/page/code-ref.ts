// A `path:line` reference in a previewed note, clicked: that file of the workspace folder opens at
// that line, beside the page (never over it: the learner reads the code with the notes in view),
// and never a file outside the folder.
import * as vscode from 'vscode';
import { parseCodeRef } from '../export/code-block';

export async function openCodeRef(ref: string, pageColumn: vscode.ViewColumn | undefined, log: (message: string) => void): Promise<void> {
  const parsed = parseCodeRef(ref);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!parsed || !folder) {
    log(`Refused to open a reference that is not a path in the workspace: ${ref.slice(0, 200)}`);
    return;
  }
  const uri = vscode.Uri.joinPath(folder, parsed.path);
  try {
    const line = Math.max(0, parsed.line - 1);
    const column = pageColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
    await vscode.window.showTextDocument(uri, {
      selection: new vscode.Range(line, 0, line, 0),
      viewColumn: column,
      preview: true,
      preserveFocus: false,
    });
  } catch {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not in the workspace any more.', parsed.path));
  }
}
