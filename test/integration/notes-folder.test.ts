// Notes as files in the workspace, through the platform of the host this runs in: node:fs in
// Node's extension host, workspace.fs in the browser's. A note goes to its file; a file written
// on the workspace's file system, or edited and saved in the editor, comes back as the note.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, until } from './helpers';

describe('notes as files in the workspace folder', () => {
  const workspace = vscode.workspace.workspaceFolders![0].uri;
  const folder = vscode.Uri.joinPath(workspace, '.interview-notes');
  const read = (uri: vscode.Uri) =>
    vscode.workspace.fs.readFile(uri).then(
      (b) => new TextDecoder().decode(b),
      () => undefined,
    );
  let followed: vscode.Disposable | undefined;
  const logged: string[] = [];

  afterEach(async () => {
    followed?.dispose();
    followed = undefined;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('djangoPrep').update('notesFolder', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(folder, { recursive: true }).then(undefined, () => undefined);
  });

  it('keeps a note and its file in step both ways: the page’s note, a write on the file system, a save in the editor', async () => {
    const a = await api();
    const [first, second] = a.study.entries.slice(3, 5).map((e) => e.question.id);
    const result = a.platform.followNotesFolder(a.study, (m) => logged.push(m));
    assert.notEqual(typeof result, 'string', `followed in the ${a.platform.kind} host: ${String(result)}`);
    followed = result as vscode.Disposable;
    const file = vscode.Uri.joinPath(folder, a.study.bankId, `${first}.md`);

    await a.study.store.setNote(a.study.bankId, first, 'Written on the page.');
    await until('the file', async () => (await read(file)) === 'Written on the page.', 10000, logged);

    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('Rewritten on the file system.'));
    await until('the note to follow the file', () => a.study.getNote(first) === 'Rewritten on the file system.', 10000, logged);

    const doc = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(doc.positionAt(doc.getText().length), ' And saved in the editor.'));
    await doc.save();
    await until(
      'the note to follow the save',
      () => a.study.getNote(first) === 'Rewritten on the file system. And saved in the editor.',
      10000,
      logged,
    );
    assert.equal(a.study.getNote(second), '', 'no other note touched');
    assert.deepEqual(
      logged.filter((m) => /failed/.test(m)),
      [],
    );
  });

  it('says plainly when the folder is out of reach, and follows it where it can', async () => {
    const a = await api();
    await vscode.workspace
      .getConfiguration('djangoPrep')
      .update('notesFolder', '/somewhere/else/notes', vscode.ConfigurationTarget.Workspace);
    const result = a.platform.followNotesFolder(a.study, (m) => logged.push(m));
    if (a.platform.kind === 'web') {
      assert.equal(typeof result, 'string');
      assert.match(result as string, /outside it \(\/somewhere\/else\/notes\).*Export Notes/);
    } else {
      // Node reaches any folder on disk.
      assert.notEqual(typeof result, 'string');
      followed = result as vscode.Disposable;
    }
  });
});
