// The `folder` notes location: every note of the bank shown is also a Markdown file in the
// workspace (`.interview-notes/<bank>/<id>.md`, `djangoPrep.notesFolder` names the folder),
// edited in the editor or on the page, in step both ways (progress/note-files.ts). The files come
// through the platform: node:fs on disk, workspace.fs in the browser.
import * as vscode from 'vscode';
import { NoteMirror, type NoteFileSystem } from '../progress/note-files';
import type { Study } from '../progress/study';

/** Files of the notes folder, named by a path ('/'-separated) that the platform maps to and from Uris. */
export interface NoteFiles extends NoteFileSystem {
  uriOf(path: string): vscode.Uri;
  /** The path of a Uri, or undefined when it is not on this file system. */
  pathOf(uri: vscode.Uri): string | undefined;
}

export function followNotesFolder(
  study: Study,
  root: string,
  files: NoteFiles,
  log: (m: string) => void,
): { mirror: NoteMirror; ready: Promise<void>; disposable: vscode.Disposable } {
  const mirror = new NoteMirror(files, root, study.store, () => study.bankId);
  const failed = (what: string) => (err: unknown) => log(`Notes folder: ${what} failed: ${(err as Error)?.message ?? err}`);
  // The folder exists before it is watched: VS Code's file watching expects the folder to exist
  // (microsoft/vscode#71589, #165025), and it did not on a first run, where the mirror made it
  // only at the first note (the extension-host test once missed a file written there). Then the
  // files are read, so that nothing written meanwhile goes unseen.
  let watcher: vscode.FileSystemWatcher | undefined;
  let stopped = false;
  const ready = Promise.resolve(vscode.workspace.fs.createDirectory(files.uriOf(root)))
    .catch(failed('creating the notes folder'))
    .then(() => {
      if (stopped) return;
      watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(files.uriOf(root), '**/*.md'));
      watcher.onDidChange((uri) => changed(uri));
      watcher.onDidCreate((uri) => changed(uri));
      return mirror.reconcile().then(() => log(`Notes are also Markdown files in ${root}.`), failed('reading the notes folder'));
    });
  // Every note of the bank shown, written here or in another window, goes to its file; one written
  // here is saved only once its file holds it (NoteStore.mirror).
  const fileNote = (bankId: string, id: string, text: string) =>
    bankId === study.bankId ? ready.then(() => mirror.noteChanged(id, text)) : Promise.resolve();
  study.store.notes.mirror = fileNote;
  const changed = (uri: vscode.Uri, saved?: string) => {
    const path = files.pathOf(uri);
    if (path !== undefined) void ready.then(() => mirror.fileChanged(path, saved)).catch(failed(`reading ${path}`));
  };
  const disposable = vscode.Disposable.from(
    // Its listeners go with it.
    { dispose: () => ((stopped = true), watcher?.dispose()) },
    // A save in the editor, taken at once with the text it wrote. The watcher alone was not enough:
    // under load (CI, about one run in four) a page did not follow a save within 10 s although
    // the file on disk was right; the watcher's event, when it comes, then finds the text known.
    // Only a note's file is read; any other save in the workspace costs nothing here.
    vscode.workspace.onDidSaveTextDocument((doc) => {
      const path = files.pathOf(doc.uri);
      if (path !== undefined && mirror.idOf(path) !== undefined) changed(doc.uri, doc.getText());
    }),
    mirror,
    mirror.onDidChangeFailures((files) => study.store.setFileFailures(files)),
    { dispose: () => study.store.setFileFailures([]) },
    { dispose: () => study.store.notes.mirror === fileNote && (study.store.notes.mirror = undefined) },
    study.onDidChangeBank(() => void mirror.reconcile().catch(failed('reading the notes folder'))),
  );
  return { mirror, ready, disposable };
}
