// Node's extension host (desktop VS Code, code-server): files by path with node:fs, a worker
// thread for the parser, the journal on disk, notes as files.
import * as vscode from 'vscode';
import { isAbsolute, join, resolve } from 'node:path';
import type { Platform } from './platform';
import { nodeBankPlatform } from '../bank/source-node';
import { journalDirPath, nodeJournalDir } from '../progress/journal-file';
import { resolveBankSetting, settingValueFor } from '../source/setting';
import { followNotesFolder, type NoteFiles } from '../source/notes-folder';
import { bankFileBase, pathSetting } from '../source/settings';
import { nodeNoteFiles } from '../progress/note-files-node';

export function nodePlatform(context: vscode.ExtensionContext): Platform {
  const extensionDir = context.extensionUri.fsPath;
  const globalStorageDir = context.globalStorageUri.fsPath;
  /** A folder's path on disk (a virtual folder has none: a relative path cannot be followed there). */
  const onDisk = (uri: vscode.Uri | undefined) => (uri?.scheme === 'file' ? uri.fsPath : undefined);
  // The Preview renders notes with remark, which lives in the worker's bundle: loaded on the first preview.
  const workerFile = join(extensionDir, 'dist', 'bank-worker.js');
  return {
    kind: 'node',
    bank: nodeBankPlatform(extensionDir),
    extensionDir,
    globalStorageDir,
    env: process.env,
    uriOf: (file) => vscode.Uri.file(file),
    fileOf: (uri) => uri.fsPath,
    chosenBankFile() {
      const { value, base } = pathSetting('bankFile');
      return resolveBankSetting(value, onDisk(base));
    },
    settingValueFor: (uri) => settingValueFor(uri.fsPath, onDisk(bankFileBase())),
    journal: async (identity) => ({ dir: nodeJournalDir(journalDirPath(globalStorageDir, identity)) }),
    renderNote: (text) => (require(workerFile) as typeof import('../bank/worker')).noteBlocks(text),
    followNotesFolder(study, log) {
      const { value: setting, base } = pathSetting('notesFolder');
      const folder = onDisk(base);
      if (!folder)
        return vscode.l10n.t('Notes are kept as files only in a workspace folder on disk; they stay in workspace storage for now.');
      // Anywhere on disk: relative to the folder the setting belongs to (shared/scope.ts), or absolute.
      const root = isAbsolute(setting) ? resolve(setting) : resolve(folder, setting);
      return followNotesFolder(study, root.replace(/\\/g, '/'), nodeFiles, log).disposable;
    },
  };
}

const nodeFiles: NoteFiles = {
  ...nodeNoteFiles,
  uriOf: (path) => vscode.Uri.file(path),
  pathOf: (uri) => (uri.scheme === 'file' ? uri.fsPath.replace(/\\/g, '/') : undefined),
};
