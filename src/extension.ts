// Wires the features together; the logic lives in bank/, progress/, tree/, panel/ and commands/.
import * as vscode from 'vscode';
import { basename, join } from 'node:path';
import { BUNDLED_BANK_FILE, BUNDLED_BANK_ID } from './bank/bundled';
import { loadBankFile } from './bank/load';
import { StudyStore } from './progress/store';
import { JournaledStore } from './progress/journal';
import { journalPath, nodeJournalFile } from './progress/journal-file';
import { Study } from './progress/study';
import { StudyTreeProvider } from './tree/provider';
import { QuestionPanels } from './panel/manager';
import { registerStudyCommands } from './commands/study';
import { BANK_STATE_CONTEXT, PANEL_VIEW_TYPE, VIEW_ID } from './commands/ids';

export interface ExtensionApi {
  study: Study;
  panels: QuestionPanels;
  tree: StudyTreeProvider;
  /** The workspace storage, for tests that check what was written. */
  storage: vscode.Memento;
}

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const output = vscode.window.createOutputChannel('Django Interview Prep');
  const log = (message: string) => output.appendLine(`[${new Date().toISOString()}] ${message}`);
  context.subscriptions.push(output);

  // DJANGO_PREP_BANK points the extension at another bank file: for the tests of hostile and
  // broken banks, and for authors trying a bank of their own.
  const file = process.env.DJANGO_PREP_BANK || vscode.Uri.joinPath(context.extensionUri, BUNDLED_BANK_FILE).fsPath;
  const bundled = !process.env.DJANGO_PREP_BANK;
  const dist = vscode.Uri.joinPath(context.extensionUri, 'dist').fsPath;
  const userCache = vscode.Uri.joinPath(context.globalStorageUri, 'bank-cache').fsPath;
  // The build parses the bundled bank ahead of time into dist/bank-cache; other banks are parsed
  // in a worker once and cached in global storage.
  const workerFile = join(dist, 'bank-worker.js');
  const loading = loadBankFile(file, {
    cacheDirs: bundled ? [join(dist, 'bank-cache'), userCache] : [userCache],
    workerFile,
    // remark stays out of this bundle: the worker's bundle is the parser, loaded only if needed.
    parseInline: (bytes, title) => (require(workerFile) as typeof import('./bank/worker')).parseDecoded(bytes, title),
  });
  const workspaceIdentity =
    vscode.workspace.workspaceFile?.toString() ?? (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString()).join('\n');
  // The bank and the journal are read side by side.
  const [loaded, journal] = await Promise.all([
    loading,
    JournaledStore.open(context.workspaceState, nodeJournalFile(journalPath(context.globalStorageUri.fsPath, workspaceIdentity || 'no-folder'))),
  ]);
  if (journal.recovered.length) log(`Recovered ${journal.recovered.length} recent change(s) from the journal: ${journal.recovered.join(', ')}`);
  if (journal.warning) log(journal.warning);
  const store = new StudyStore(journal.store);
  const study = new Study(BUNDLED_BANK_ID, loaded.bank, store);
  context.subscriptions.push(store, { dispose: () => void journal.store.flush() });

  for (const p of loaded.bank.problems) log(`${file}:${p.line}: ${p.message}`);
  const problems = loaded.bank.problems;
  if (problems.length && !loaded.error) {
    void vscode.window
      .showWarningMessage(
        `Question bank ${basename(file)}: ${problems.length} problem${problems.length === 1 ? '' : 's'}; the first, at line ${problems[0].line}: ${problems[0].message}.`,
        'Show Problems',
      )
      .then((choice) => choice && output.show(true));
  }
  const warnStorage = (w: { key: string; message: string }) => {
    log(`Storage: ${w.message} (the original is kept under "aside/…/${w.key}")`);
    void vscode.window.showWarningMessage(w.message);
  };
  if (loaded.error) {
    log(loaded.error);
    void vscode.window.showErrorMessage(loaded.error);
  }
  store.warnings.forEach(warnStorage);
  context.subscriptions.push(store.onWarning(warnStorage));
  const bankState = loaded.error ? 'broken' : study.entries.length ? 'ok' : 'empty';
  void vscode.commands.executeCommand('setContext', BANK_STATE_CONTEXT, bankState);

  const tree = new StudyTreeProvider(study);
  const treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true, manageCheckboxStateManually: true });
  const describeTotal = () => {
    const { done, total } = study.total();
    treeView.description = total ? `${done}/${total}` : undefined;
  };
  describeTotal();
  context.subscriptions.push(
    tree,
    treeView,
    treeView.onDidChangeCheckboxState((e) => {
      for (const [node, state] of e.items) {
        if (node.kind === 'question') void study.setDone(node.entry.question.id, state === vscode.TreeItemCheckboxState.Checked);
      }
    }),
    store.onDidChangeProgress(describeTotal),
  );

  const panels = new QuestionPanels({ extensionUri: context.extensionUri, study, log }, () =>
    vscode.workspace.getConfiguration('djangoPrep').get<boolean>('reuseQuestionPage', true),
  );
  context.subscriptions.push(panels, vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, panels));
  context.subscriptions.push(...registerStudyCommands({ study, panels, treeView, output }));

  return { study, panels, tree, storage: context.workspaceState };
}

export function deactivate(): void {}
