// A two-folder workspace in a real extension host (scripts/vscode-harness.mjs, suite `multiroot`):
// study.code-workspace lists folders a and b and sets djangoPrep.notesFolder; folder b's own
// .vscode/settings.json sets djangoPrep.bankFile. One bank and one notes folder serve the window,
// chosen by shared/scope.ts: the workspace file's value (relative to its folder), else the first
// folder that sets it (relative to that folder), else the user's.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, until } from './helpers';
import { COMMANDS } from '../../src/shared/ids';

const read = (uri: vscode.Uri) =>
  vscode.workspace.fs.readFile(uri).then(
    (b) => new TextDecoder().decode(b),
    () => undefined,
  );

describe('a multi-root workspace', () => {
  const root = vscode.Uri.joinPath(vscode.workspace.workspaceFile!, '..');
  const [a, b] = vscode.workspace.workspaceFolders!.map((f) => f.uri);
  // The suite starts by trusting the workspace (index.ts): what that lets through is followed first.
  before(async () => (await api()).trust.trusted);

  it('follows the bank file that the second folder’s own settings name, relative to that folder', async () => {
    assert.equal(vscode.workspace.workspaceFolders!.length, 2);
    const x = await api();
    assert.equal(x.follower.current.file, vscode.Uri.joinPath(b, 'banks', 'b.md').fsPath);
    assert.deepEqual(
      x.study.entries.map((e) => e.question.text),
      ['Whose bank is this?'],
    );
  });

  it('keeps notes as files in the folder the workspace file names, relative to the workspace file', async () => {
    const x = await api();
    const id = x.study.entries[0].question.id;
    await x.study.store.setNote(x.study.bankId, id, 'one notes folder for the window');
    const file = vscode.Uri.joinPath(root, 'shared-notes', x.study.bankId, `${id}.md`);
    await until('the note’s file', async () => (await read(file)) === 'one notes folder for the window', 10000);
  });

  it('writes a bank chosen in the first folder to the workspace file, where it wins over a folder’s own', async () => {
    const x = await api();
    const chosen = vscode.Uri.joinPath(a, 'a-bank.md');
    await vscode.workspace.fs.writeFile(
      chosen,
      new TextEncoder().encode('# A\n\n## From folder a\n\n### 1. And this one?\n\nThe first folder’s.\n'),
    );
    await vscode.commands.executeCommand(COMMANDS.chooseBank, x.platform.settingValueFor(chosen));
    assert.equal(
      vscode.workspace.getConfiguration('djangoPrep').inspect('bankFile')?.workspaceValue,
      'a/a-bank.md',
      'relative to the workspace file',
    );
    assert.equal(x.follower.current.file, chosen.fsPath);
    assert.deepEqual(
      x.study.entries.map((e) => e.question.text),
      ['And this one?'],
    );
    // Chosen back: the workspace file's value removed, the second folder's own applies again.
    await vscode.workspace.getConfiguration('djangoPrep').update('bankFile', undefined, vscode.ConfigurationTarget.Workspace);
    await until('the second folder’s bank again', () => x.follower.current.file === vscode.Uri.joinPath(b, 'banks', 'b.md').fsPath, 5000);
  });
});
