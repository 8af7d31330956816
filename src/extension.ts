// Wires the features together; the logic lives in bank/, progress/, tree/, panel/ and commands/.
import * as vscode from 'vscode';
import { basename, join } from 'node:path';
import { BUNDLED_BANK_FILE, BUNDLED_BANK_ID, bankIdForFile } from './bank/bundled';
import { loadBankFile, type LoadedBank } from './bank/load';
import { StudyStore } from './progress/store';
import { randomBytes } from 'node:crypto';
import { JournaledStore } from './progress/journal';
import { mergeStored } from './progress/merge';
import { journalDirPath, legacyJournal, nodeJournalDir } from './progress/journal-file';
import { Study } from './progress/study';
import { StudyTreeProvider, type StudyNode } from './tree/provider';
import { QuestionPanels } from './panel/manager';
import { registerStudyCommands } from './commands/study';
import { BANK_STATE_CONTEXT, COMMANDS, PANEL_VIEW_TYPE, VIEW_ID } from './commands/ids';

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

  const { study, loaded } = await openStudy(context, log);
  context.subscriptions.push(announce(study, loaded, output, log));

  const tree = new StudyTreeProvider(study);
  const treeView = createTreeView(context, study, tree);
  const panels = new QuestionPanels({ extensionUri: context.extensionUri, study, log }, () =>
    vscode.workspace.getConfiguration('djangoPrep').get<boolean>('reuseQuestionPage', true),
  );
  context.subscriptions.push(panels, vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, panels));
  context.subscriptions.push(...registerStudyCommands({ study, panels, treeView, output }));

  return { study, panels, tree, storage: context.workspaceState };
}

export function deactivate(): void {}

/** Loads the bank (bundled, or DJANGO_PREP_BANK's file) and its progress, side by side. */
async function openStudy(context: vscode.ExtensionContext, log: (m: string) => void): Promise<{ study: Study; loaded: LoadedBank }> {
  // DJANGO_PREP_BANK points the extension at another bank file: for the tests of hostile and
  // broken banks, and for authors trying a bank of their own.
  const custom = process.env.DJANGO_PREP_BANK;
  const file = custom || vscode.Uri.joinPath(context.extensionUri, BUNDLED_BANK_FILE).fsPath;
  const dist = vscode.Uri.joinPath(context.extensionUri, 'dist').fsPath;
  const userCache = vscode.Uri.joinPath(context.globalStorageUri, 'bank-cache').fsPath;
  const workerFile = join(dist, 'bank-worker.js');
  const workspaceIdentity =
    vscode.workspace.workspaceFile?.toString() ?? (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString()).join('\n');
  const [loaded, journal] = await Promise.all([
    // The build parses the bundled bank into dist/bank-cache; other banks are parsed in a worker
    // once and cached in global storage.
    loadBankFile(file, {
      cacheDirs: custom ? [userCache] : [join(dist, 'bank-cache'), userCache],
      workerFile,
      // remark stays out of this bundle: the worker's bundle is the parser, loaded only if needed.
      parseInline: (bytes, title) => (require(workerFile) as typeof import('./bank/worker')).parseDecoded(bytes, title),
    }),
    // One journal file per window, merged by every window (see progress/journal.ts).
    JournaledStore.open(context.workspaceState, nodeJournalDir(journalDirPath(context.globalStorageUri.fsPath, workspaceIdentity || 'no-folder')), {
      hostId: randomBytes(6).toString('hex'),
      merge: mergeStored,
      legacy: legacyJournal(context.globalStorageUri.fsPath, workspaceIdentity || 'no-folder'),
    }),
  ]);
  if (journal.recovered.length) log(`Recovered ${journal.recovered.length} recent change(s) from the journal: ${journal.recovered.join(', ')}`);
  if (journal.warning) log(journal.warning);
  const store = new StudyStore(journal.store);
  // Another window's ticks and notes reach this window's tree and pages within a second.
  const following = journal.store.follow((keys) => store.changedElsewhere(keys));
  context.subscriptions.push(store, following, { dispose: () => void journal.store.flush() });
  return { study: new Study(custom ? bankIdForFile(file) : BUNDLED_BANK_ID, loaded.bank, store), loaded };
}

/** Says what went wrong with the bank or the stored data, once, naming the file and line. */
function announce(study: Study, loaded: LoadedBank, output: vscode.OutputChannel, log: (m: string) => void): vscode.Disposable {
  const { file, bank, error } = loaded;
  for (const p of bank.problems) log(`${file}:${p.line}: ${p.message}`);
  if (error) {
    log(error);
    void vscode.window.showErrorMessage(error);
  } else if (bank.problems.length) {
    const [first] = bank.problems;
    const n = bank.problems.length;
    void vscode.window
      .showWarningMessage(`Question bank ${basename(file)}: ${n} problem${n === 1 ? '' : 's'}; the first, at line ${first.line}: ${first.message}.`, 'Show Problems')
      .then((choice) => choice && output.show(true));
  }
  const warnStorage = (w: { key: string; message: string }) => {
    log(`Storage: ${w.message} (the original is kept under "aside/…/${w.key}")`);
    void vscode.window.showWarningMessage(w.message);
  };
  study.store.warnings.forEach(warnStorage);
  const conflictKept = study.store.notes.onDidKeepConflict((copy) => {
    log(`Kept a conflict copy of the note on ${copy.id} (${copy.text.length} characters): ${copy.reason}.`);
    void vscode.window
      .showInformationMessage(`Two copies of your note on ${copy.id} disagreed. The newer is the note; the other is kept as a conflict copy.`, 'Show Conflict Copies')
      .then((choice) => choice && vscode.commands.executeCommand(COMMANDS.showOrphanedNotes));
  });
  const bankState = error ? 'broken' : study.entries.length ? 'ok' : 'empty';
  void vscode.commands.executeCommand('setContext', BANK_STATE_CONTEXT, bankState);
  return vscode.Disposable.from(study.store.onWarning(warnStorage), conflictKept);
}

function createTreeView(context: vscode.ExtensionContext, study: Study, tree: StudyTreeProvider): vscode.TreeView<StudyNode> {
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
    study.store.onDidChangeProgress(describeTotal),
  );
  return treeView;
}
