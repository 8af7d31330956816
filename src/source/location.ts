// Where progress and notes live: `djangoPrep.notesLocation`. `workspace` (this workspace's
// storage, as before), `global` (the extension's global storage: the same notes in every
// workspace, and with Settings Sync on every machine) or `folder` (workspace storage, and every
// note also a Markdown file in the workspace: source/notes-folder.ts). Switching offers to copy what exists to
// the new place (merged, never deleting) and reloads the window to use it.
import * as vscode from 'vscode';
import { mergeStores } from '../progress/backup';
import { isStudyKey } from '../shared/keys';
import type { Study } from '../progress/study';
import { settingId, settings, type NotesLocation } from './settings';

export type { NotesLocation };
export const notesLocation = settings.notesLocation;

export function storeFor(context: vscode.ExtensionContext, location: NotesLocation): vscode.Memento {
  return location === 'global' ? context.globalState : context.workspaceState;
}

/** Copies every study key of one location into another; resolves with how many were written. */
export async function copyStudy(from: vscode.Memento, to: vscode.Memento): Promise<number> {
  const writes = mergeStores(from, to, Date.now());
  for (const [key, value] of writes) await to.update(key, value);
  return writes.length;
}

export function followLocation(
  context: vscode.ExtensionContext,
  study: Study,
  current: NotesLocation,
  log: (m: string) => void,
): vscode.Disposable {
  const disposables: vscode.Disposable[] = [];
  if (current === 'global') {
    // Settings Sync carries the keys named here: every study key, named again as notes are written.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const sync = () => context.globalState.setKeysForSync(context.globalState.keys().filter(isStudyKey));
    const soon = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(sync, 2000);
    };
    sync();
    disposables.push(study.onDidChangeNote(soon), study.onDidChangeProgress(soon), { dispose: () => timer && clearTimeout(timer) });
  }
  disposables.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration(settingId('notesLocation'))) return;
      const next = notesLocation();
      if (next === current) return;
      const copy = vscode.l10n.t('Copy and Reload');
      const reload = vscode.l10n.t('Reload Only');
      const where =
        next === 'global'
          ? vscode.l10n.t('global storage (every workspace, synced with Settings Sync)')
          : next === 'folder'
            ? vscode.l10n.t('Markdown files in the workspace (and this workspace’s storage)')
            : vscode.l10n.t('this workspace’s storage');
      const choice = await vscode.window.showInformationMessage(
        vscode.l10n.t('Notes and progress will live in {0} after a reload. Copy what you have now to it first?', where),
        {
          modal: true,
          detail: vscode.l10n.t('Copying merges: nothing there is replaced by something older, and nothing is deleted here.'),
        },
        copy,
        reload,
      );
      if (!choice) return;
      if (choice === copy) {
        const n = await copyStudy(storeFor(context, current), storeFor(context, next));
        log(`Copied ${n} stored entries from ${current} to ${next} storage.`);
      }
      await study.store.flush();
      await vscode.commands.executeCommand('workbench.action.reloadWindow');
    }),
  );
  return vscode.Disposable.from(...disposables);
}
