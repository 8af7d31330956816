// The `folder` notes location: every note of the bank shown is also a Markdown file in the
// workspace (`.interview-notes/<bank>/<id>.md`, `djangoPrep.notesFolder` names the folder),
// edited in the editor or on the page, in step both ways (progress/note-files.ts).
import * as vscode from 'vscode';
import { mkdir, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { NoteMirror, type NoteFileSystem } from '../progress/note-files';
import type { Study } from '../progress/study';

export const NOTES_FOLDER_SETTING = 'notesFolder';

/** Files on disk, each written whole: a temporary file beside it, renamed over it. */
export const nodeNoteFiles: NoteFileSystem = {
  async read(path) {
    try {
      const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
      return { text, mtime: info.mtimeMs };
    } catch {
      return undefined;
    }
  },
  async write(path, text) {
    await mkdir(dirname(path), { recursive: true });
    const temp = join(dirname(path), `.${randomBytes(4).toString('hex')}.tmp`);
    await writeFile(temp, text, 'utf8');
    await rename(temp, path);
  },
  async list(dir) {
    try {
      return (await readdir(dir)).filter((n) => n.endsWith('.md'));
    } catch {
      return [];
    }
  },
};

/** The notes folder, absolute; undefined without a workspace folder to put it in. */
export function notesFolder(): string | undefined {
  const workspace = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!workspace || workspace.scheme !== 'file') return undefined;
  const setting = vscode.workspace.getConfiguration('djangoPrep').get<string>(NOTES_FOLDER_SETTING, '.interview-notes').trim() || '.interview-notes';
  return isAbsolute(setting) ? resolve(setting) : resolve(workspace.fsPath, setting);
}

export function followNotesFolder(study: Study, root: string, log: (m: string) => void): { mirror: NoteMirror; ready: Promise<void>; disposable: vscode.Disposable } {
  const mirror = new NoteMirror(nodeNoteFiles, root.replace(/\\/g, '/'), study.store, () => study.bankId);
  const failed = (what: string) => (err: unknown) => log(`Notes folder: ${what} failed: ${(err as Error)?.message ?? err}`);
  const ready = mirror.reconcile().then(() => log(`Notes are also Markdown files in ${root}.`), failed('reading the notes folder'));
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(root), '**/*.md'));
  const changed = (uri: vscode.Uri, saved?: string) => void ready.then(() => mirror.fileChanged(uri.fsPath.replace(/\\/g, '/'), saved)).catch(failed(`reading ${uri.fsPath}`));
  const disposable = vscode.Disposable.from(
    watcher,
    watcher.onDidChange((uri) => changed(uri)),
    watcher.onDidCreate((uri) => changed(uri)),
    // A save in the editor, taken at once with the text it wrote. The watcher alone was not enough:
    // under load (CI, about one run in four) a page did not follow a save within 10 s although
    // the file on disk was right; the watcher's event, when it comes, then finds the text known.
    vscode.workspace.onDidSaveTextDocument((doc) => doc.uri.scheme === 'file' && changed(doc.uri, doc.getText())),
    study.store.onDidChangeNote((e) => {
      if (e.bankId === study.bankId) void ready.then(() => mirror.noteChanged(e.id, e.text)).catch(failed(`writing the note on ${e.id}`));
    }),
    study.onDidChangeBank(() => void mirror.reconcile().catch(failed('reading the notes folder'))),
  );
  return { mirror, ready, disposable };
}
