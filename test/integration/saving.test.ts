// Saved means saved, in a real extension host: a workspace storage whose writes reject (its
// update made to fail, as a full disk would), and a notes folder blocked by a file. Neither is
// ever reported saved; both land once the fault is gone, without a reload. Files through
// workspace.fs, so this runs in the browser's extension host too.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, until } from './helpers';

describe('saving that fails', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a storage write that rejects is not saved, is listed as unsaved, and lands once storage works', async () => {
    const a = await api();
    const id = a.study.entries[6].question.id;
    const memento = a.storage as vscode.Memento & { update: vscode.Memento['update'] };
    const update = memento.update;
    memento.update = () => Promise.reject(new Error('the disk is full'));
    try {
      const page = a.pages.open(id)!;
      page.handleMessage({
        type: 'editNote',
        id,
        bankId: a.study.bankId,
        text: 'typed on a full disk',
        writer: 'w-full',
        revision: 1,
        base: 0,
        restored: false,
      });
      await until('the write to be listed as unsaved', () =>
        a.study.store.unsaved().writes.some((w) => w.key === `note/${a.study.bankId}/${id}` && /the disk is full/.test(w.reason)),
      );
      await assert.rejects(a.study.store.flush(), /the disk is full/);
    } finally {
      memento.update = update;
    }
    await until('the retry to land', () => a.study.store.unsaved().writes.length === 0, 15000);
    assert.equal((a.storage.get(`note/${a.study.bankId}/${id}`) as { text: string }).text, 'typed on a full disk');
    await a.study.store.setNote(a.study.bankId, id, '');
  });

  it('a notes folder blocked by a file is not saved and names the file, and the note reaches its file once freed', async () => {
    const a = await api();
    const workspace = vscode.workspace.workspaceFolders![0].uri;
    const folder = vscode.Uri.joinPath(workspace, 'blocked-notes');
    await vscode.workspace.getConfiguration('djangoPrep').update('notesFolder', 'blocked-notes', vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.writeFile(folder, new TextEncoder().encode('a file where the notes folder goes'));
    const followed = a.platform.followNotesFolder(a.study, () => undefined);
    assert.notEqual(typeof followed, 'string');
    const id = a.study.entries[7].question.id;
    const file = vscode.Uri.joinPath(folder, a.study.bankId, `${id}.md`);
    try {
      await assert.rejects(
        a.study.store.notes.edit(a.study.bankId, id, { text: 'for the notes folder', writer: 'w-blocked', revision: 1, base: 0 }),
      );
      // This note's file is named (and any other note's the folder should hold: all wait for the folder).
      const unsaved = a.study.store.unsaved().files.map((f) => f.path);
      assert.ok(
        unsaved.some((p) => p.endsWith(`blocked-notes/${a.study.bankId}/${id}.md`)),
        JSON.stringify(unsaved),
      );
      assert.ok(
        unsaved.every((p) => p.includes('/blocked-notes/')),
        JSON.stringify(unsaved),
      );
      await vscode.workspace.fs.delete(folder);
      const read = () =>
        vscode.workspace.fs.readFile(file).then(
          (b) => new TextDecoder().decode(b),
          () => undefined,
        );
      await until('the note in its file', async () => (await read()) === 'for the notes folder', 15000);
      await until('nothing unsaved', () => a.study.store.unsaved().files.length === 0);
    } finally {
      (followed as vscode.Disposable).dispose();
      await vscode.workspace.fs.delete(folder, { recursive: true }).then(undefined, () => undefined);
      await vscode.workspace.getConfiguration('djangoPrep').update('notesFolder', undefined, vscode.ConfigurationTarget.Workspace);
      await a.study.store.setNote(a.study.bankId, id, '');
    }
  });
});
