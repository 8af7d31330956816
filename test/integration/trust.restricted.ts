// Restricted Mode, in a real extension host: a folder the learner has not trusted, whose own
// `.vscode/settings.json` names a bank file and a notes folder outside it (the harness writes
// them: scripts/vscode-harness.mjs, suite `restricted`), with notes kept as files (a user setting).
// The study works as usual; the workspace's two settings wait for trust and are followed, without
// a reload, once the folder is trusted in the trust editor (the harness clicks "Trust").
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, until } from './helpers';
import { COMMANDS } from '../../src/shared/ids';

const outside = vscode.Uri.file(process.env.DJANGO_PREP_TEST_OUTSIDE ?? '/nonexistent');
const folder = vscode.workspace.workspaceFolders![0].uri;
const read = (uri: vscode.Uri) =>
  vscode.workspace.fs.readFile(uri).then(
    (b) => new TextDecoder().decode(b),
    () => undefined,
  );
const exists = (uri: vscode.Uri) =>
  vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );

describe('Restricted Mode: a folder not trusted', () => {
  it('opens with the study view and the bundled bank, the workspace’s own bank file and notes folder ignored, and says so', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the harness answered the trust dialog "No"');
    const a = await api();
    await a.trust.ready;
    assert.deepEqual(a.trust.ignored, ['bankFile', 'notesFolder']);
    assert.equal(a.study.bankId, 'django', 'the bundled bank, not the one outside the folder');
    assert.equal(a.tree.getChildren().length, 11, 'the tree shows the bank by section');
    assert.equal(vscode.workspace.getConfiguration('djangoPrep').get('bankFile'), '', 'VS Code reports the user’s value');
  });

  it('opens a page, saves a note typed on it, and ticks a question', async () => {
    const a = await api();
    const id = a.study.entries.find((e) => !a.study.isDone(e.question.id))!.question.id;
    const page = a.pages.open(id)!;
    assert.equal(page.questionId, id);
    page.handleMessage({
      type: 'editNote',
      id,
      bankId: a.study.bankId,
      text: 'typed in Restricted Mode',
      writer: 'w-restricted',
      revision: 1,
      base: 0,
      restored: false,
    });
    await until('the note stored', () => a.study.getNote(id) === 'typed in Restricted Mode', 5000);
    await vscode.commands.executeCommand(COMMANDS.toggleDone, id);
    assert.equal(a.study.isDone(id), true);
    // Notes as files go to the default folder inside the workspace, not to the one outside it.
    const inside = vscode.Uri.joinPath(folder, '.interview-notes', 'django', `${id}.md`);
    await until('the note’s file inside the folder', async () => (await read(inside)) === 'typed in Restricted Mode', 10000);
    assert.equal(await exists(vscode.Uri.joinPath(outside, 'notes', 'django')), false, 'nothing written outside the folder');
  });

  it('follows the workspace’s bank file and notes folder once the folder is trusted, without a reload', async () => {
    const a = await api();
    // As a learner would: Manage Workspace Trust, then "Trust" (clicked by the harness).
    void vscode.commands.executeCommand('workbench.trust.manage');
    await Promise.race([
      a.trust.trusted,
      new Promise((_, reject) => setTimeout(() => reject(new Error('the folder was not trusted within 60 s')), 60000)),
    ]);
    assert.equal(vscode.workspace.isTrusted, true);
    assert.deepEqual(a.trust.ignored, []);
    assert.match(a.study.bankId, /^file-/);
    assert.equal(a.follower.current.file, vscode.Uri.joinPath(outside, 'bank.md').fsPath);
    assert.deepEqual(
      a.study.entries.map((e) => e.question.text),
      ['Where does this bank live?'],
    );
    const id = a.study.entries[0].question.id;
    await a.study.store.setNote(a.study.bankId, id, 'now in the folder outside');
    const file = vscode.Uri.joinPath(outside, 'notes', a.study.bankId, `${id}.md`);
    await until(
      'the note’s file in the notes folder the workspace names',
      async () => (await read(file)) === 'now in the folder outside',
      10000,
    );
  });
});
