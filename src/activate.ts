// Wires the features together and nothing else: the bank and its progress (bank/, progress/),
// the tree (tree/), the question pages (page/), the commands (commands/) and what the learner is
// told (notify/), over the extension host's platform (platform/), which the entry points give:
// extension.ts (Node's host, `main`) and web.ts (the browser's, `browser`).
import * as vscode from 'vscode';
import * as l10n from '@vscode/l10n';
import { openStudy } from './progress/open';
import type { Study } from './progress/study';
import type { StudyTreeProvider } from './tree/provider';
import { createTreeView } from './tree/view';
import { chatModelSource } from './page/chat-model';
import { registerInterviewer } from './chat/interviewer';
import { Pages } from './page/pages';
import { Reports } from './page/report';
import { MockInterviews } from './commands/mock';
import { studyCommands } from './commands/register';
import { registerAll } from './commands/registry';
import { announce, createLog } from './notify/announce';
import { followSaving } from './notify/saving';
import { COMMANDS, VIEW_TYPES } from './shared/ids';
import { setOf } from './tree/filter';
import { BankFollower } from './source/follow';
import type { Platform } from './platform/platform';
import { randomHex } from './util/random';
import { followLocation, notesLocation, storeFor } from './source/location';
import { settingId, settings } from './source/settings';
import { setDesiredRetention } from './review/fsrs';
import { followTrust, type TrustFollower } from './notify/trust';

export interface ExtensionApi {
  study: Study;
  pages: Pages;
  tree: StudyTreeProvider;
  /** The bank file followed: switched with the setting, read again when edited. */
  follower: BankFollower;
  /** The report pages (review and mock summaries, statistics). */
  reports: Reports;
  mocks: MockInterviews;
  /** The workspace storage, for tests that check what was written. */
  storage: vscode.Memento;
  /** The extension host's platform (Node's or the browser's), for tests of what differs. */
  platform: Platform;
  /** Restricted Mode: the workspace settings ignored until trust, and when trust was followed. */
  trust: TrustFollower;
  /** The Questions view, for tests of what it shows (its message line). */
  view: vscode.TreeView<unknown>;
}

let lastFlush: (() => Promise<void>) | undefined;

/**
 * What `deactivate()` returns in both hosts: the last flush of storage and the journal, which
 * VS Code waits for before the extension host goes. Rejects when something could not be saved.
 */
export function flushOnDeactivate(): Promise<void> {
  return lastFlush?.() ?? Promise.resolve();
}

export async function activateOn(context: vscode.ExtensionContext, platform: Platform): Promise<ExtensionApi> {
  // The code without 'vscode' (bank/, progress/) speaks through @vscode/l10n: same bundle.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const { output, log } = createLog();
  context.subscriptions.push(output);
  setDesiredRetention(settings.desiredRetention());
  const workspace =
    vscode.workspace.workspaceFile?.toString() ?? (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString()).join('\n');
  // Progress and notes in this workspace's storage, or in global storage for every workspace.
  const location = notesLocation();
  const memento = storeFor(context, location);
  const opened = await openStudy({
    extensionDir: platform.extensionDir,
    globalStorageDir: platform.globalStorageDir,
    memento,
    env: platform.env,
    chosenFile: platform.chosenBankFile(),
    bank: platform.bank,
    journal: await platform.journal(location === 'global' ? 'global storage: every workspace' : workspace || 'no-folder'),
    hostId: randomHex(6),
    log,
  });
  const { study, loaded, journal } = opened;
  opened.notes.forEach(log);
  lastFlush = () => Promise.all([study.store.flush(), journal.flush()]).then(() => undefined);
  context.subscriptions.push(study, study.store, opened.following, { dispose: () => void journal.flush() });
  context.subscriptions.push(
    announce(study, loaded, output, log),
    followSaving(study.store, output),
    followLocation(context, study, location, log),
  );
  // Notes as files: followed again where the folder may have changed (the folder trusted).
  let notesFolder: vscode.Disposable | undefined;
  const followNotesFolder = () => {
    notesFolder?.dispose();
    notesFolder = undefined;
    const followed = platform.followNotesFolder(study, log);
    if (typeof followed === 'string') void offerExport(followed);
    else notesFolder = followed;
  };
  if (location === 'folder') followNotesFolder();
  context.subscriptions.push(
    { dispose: () => notesFolder?.dispose() },
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(settingId('desiredRetention'))) {
        setDesiredRetention(settings.desiredRetention());
        study.rescheduled();
      }
      if (location === 'folder' && e.affectsConfiguration(settingId('notesFolder'))) followNotesFolder();
    }),
  );

  const reuse = settings.reuseQuestionPage;
  const renderNote = (text: string) => platform.renderNote(text);
  const chat = { enabled: settings.aiEnabled, source: chatModelSource(settings.aiModel) };
  const pages = new Pages({ extensionUri: context.extensionUri, study, log, renderNote, chat }, reuse);
  const interviewer = registerInterviewer({ study, chat, shownQuestion: () => pages.active()?.questionId });
  if (interviewer) context.subscriptions.push(interviewer);
  // Check My Answer turned on or off: each page shows its question again, with or without the button.
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(settingId('aiEnabled'))) for (const page of pages.all()) page.show(page.questionId);
    }),
  );
  const reports = new Reports({
    extensionUri: context.extensionUri,
    log,
    openQuestion: (id) => !!pages.open(id),
    undoRating: () => void vscode.commands.executeCommand(COMMANDS.undoRating),
  });
  const { tree, treeView, disposable, commands: viewCommands } = createTreeView(study, context.workspaceState, pages.onDidShowQuestion);
  const follower = new BankFollower(study, { platform, log }, loaded);
  context.subscriptions.push(follower);
  // Restricted Mode: the workspace's own bank file and notes folder wait for trust, and are followed once it is given.
  const trust = followTrust({
    view: treeView,
    memory: context.workspaceState,
    log,
    onTrusted: async () => {
      if (location === 'folder') followNotesFolder();
      await follower.reload();
    },
  });
  context.subscriptions.push(trust);
  context.subscriptions.push(disposable, pages, reports, vscode.window.registerWebviewPanelSerializer(VIEW_TYPES.question, pages));
  const mocks = new MockInterviews({ study, reports, extensionUri: context.extensionUri, log, renderNote });
  context.subscriptions.push(mocks);
  // Every command, in one place (commands/registry.ts).
  context.subscriptions.push(
    registerAll([
      ...studyCommands({ study, pages, treeView, output, log, follower, reports, platform, scope: () => setOf(tree.filter) }),
      ...viewCommands,
      ...mocks.commands,
    ]),
  );
  return { study, pages, tree, follower, reports, mocks, storage: memento, platform, trust, view: treeView };
}

/** Says why notes cannot be files here, and offers what can be done instead: one Markdown file of them all. */
async function offerExport(message: string): Promise<void> {
  const exportNotes = vscode.l10n.t('Export Notes…');
  if ((await vscode.window.showWarningMessage(message, exportNotes)) === exportNotes)
    await vscode.commands.executeCommand(COMMANDS.exportNotes);
}
