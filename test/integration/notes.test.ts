// The notes commands in a real extension host: Export Notes, Add Selection to Question Notes,
// Back Up and Restore. Files through workspace.fs, so this runs in the browser's host too.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, until } from './helpers';
import { COMMANDS } from '../../src/shared/ids';

describe('the notes commands', () => {
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const at = (name: string) => vscode.Uri.joinPath(folder, name);
  const read = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  const remove = (uri: vscode.Uri) => vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('exports every noted or done question to one Markdown file and opens it', async () => {
    const a = await api();
    const [first, second] = a.study.entries.map((e) => e.question);
    await a.study.store.setNote(a.study.bankId, first.id, '# my heading\n```\nunclosed');
    await a.study.setDone(second.id, !second.done);
    const target = at('exported-notes.md');
    await vscode.commands.executeCommand(COMMANDS.exportNotes, target);
    const text = await read(target);
    assert.match(text, new RegExp(`^# ${a.study.bank.title}: notes`));
    assert.ok(
      text.includes(
        `${first.id} · ${first.text}\n\n${a.study.isDone(first.id) ? '- [x] Done' : '- [ ] Not done yet'}\n\n> ` +
          `# my heading\n> \`\`\`\n> unclosed\n`,
      ),
    );
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString(), 'the export is opened');
    await a.study.store.setNote(a.study.bankId, first.id, '');
    await a.study.setDone(second.id, second.done);
    await remove(target);
  });

  it('appends the editor’s selection to the notes of the question in the page, with its language and place', async () => {
    const a = await api();
    const id = a.study.entries[2].question.id;
    await a.study.store.setNote(a.study.bankId, id, 'Before.');
    a.pages.open(id, { preserveFocus: true });
    const doc = await vscode.workspace.openTextDocument(at('views.py'));
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    editor.selection = new vscode.Selection(new vscode.Position(3, 0), doc.lineAt(4).range.end);
    await vscode.commands.executeCommand(COMMANDS.addSelectionToNotes);
    await until('the note', () => a.study.getNote(id).includes('```python'));
    assert.equal(a.study.getNote(id), 'Before.\n\n`views.py:4`\n\n```python\ndef index(request):\n    return HttpResponse("Hello")\n```\n');
    await a.study.store.setNote(a.study.bankId, id, '');
  });

  it('backs up a bank and restores it without overwriting a newer note, and refuses a backup from a newer version', async () => {
    const a = await api();
    const id = a.study.entries[4].question.id;
    await a.study.store.setNote(a.study.bankId, id, 'backed up');
    const file = at('backup.json');
    await vscode.commands.executeCommand(COMMANDS.exportBackup, file);
    const backup = JSON.parse(await read(file));
    assert.equal(backup.format, 'django-interview-prep-backup');
    assert.equal(backup.entries[`note/${a.study.bankId}/${id}`].text, 'backed up');
    await a.study.store.setNote(a.study.bankId, id, 'backed up, and more since');
    await vscode.commands.executeCommand(COMMANDS.importBackup, file, true);
    assert.equal(a.study.getNote(id), 'backed up, and more since', 'the newer note stays');
    await a.study.store.setNote(a.study.bankId, id, '');
    await vscode.commands.executeCommand(COMMANDS.importBackup, file, true);
    assert.equal(a.study.getNote(id), '', 'emptied since the backup: still newer');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify({ ...backup, schema: 99 })));
    await vscode.commands.executeCommand(COMMANDS.importBackup, file, true);
    assert.equal(a.study.getNote(id), '');
    await remove(file);
  });
});
