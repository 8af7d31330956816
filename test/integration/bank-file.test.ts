// The learner's own bank file in a real extension host: chosen with the setting, followed as it is
// edited (tree, pages, diagnostics), progress and notes kept per bank across switches. Files are
// written through workspace.fs, so this runs in the browser's extension host too.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, until } from './helpers';
import { COMMANDS } from '../../src/shared/ids';

const BANK = (extra = '') =>
  [
    '# My bank',
    '',
    '## Topic',
    '',
    '### 1. What is a QuerySet?',
    '',
    'A lazy query.',
    '',
    '### 2. What is a manager?',
    '',
    'The door to the table.',
    '',
    extra,
  ].join('\n');

describe('a bank file of the learner’s own', () => {
  const file = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'my-bank.md');
  const writeBank = (text: string) => vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));

  before(() => writeBank(BANK()));
  after(async () => {
    await vscode.commands.executeCommand(COMMANDS.chooseBank, '');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
  });

  it('is chosen with the setting, followed as it is edited, and keeps progress and notes per bank', async () => {
    const a = await api();
    assert.equal(a.study.bankId, 'django');
    const bundledTick = a.study.entries.find((e) => !e.question.done)!.question.id;
    await a.study.setDone(bundledTick, true);

    await vscode.commands.executeCommand(COMMANDS.chooseBank, 'my-bank.md');
    assert.equal(vscode.workspace.getConfiguration('djangoPrep').get('bankFile'), 'my-bank.md', 'written for the workspace');
    assert.match(a.study.bankId, /^file-/);
    assert.deepEqual(
      a.study.entries.map((e) => [e.question.id, e.question.text, e.question.answer]),
      [
        ['topic.1', 'What is a QuerySet?', 'A lazy query.'],
        ['topic.2', 'What is a manager?', 'The door to the table.'],
      ],
    );
    assert.deepEqual(
      a.tree.getChildren().map((n) => n.kind === 'section' && n.section.title),
      ['Topic'],
    );
    await a.study.setDone('topic.1', true);
    await a.study.store.setNote(a.study.bankId, 'topic.2', 'objects is the default manager');

    // Edited on disk: read again within a second or so, ticks and notes of unchanged ids kept.
    await writeBank(BANK('### 3. What is a migration?\n\nA schema change.\n'));
    await until('the third question', () => a.study.entries.length === 3, 5000);
    assert.equal(a.follower.current.via, 'worker', 'an edited bank is parsed off the extension host’s thread');
    assert.equal(a.study.isDone('topic.1'), true);
    assert.equal(a.study.getNote('topic.2'), 'objects is the default manager');
    assert.deepEqual(vscode.languages.getDiagnostics(file), [], 'no problems, no diagnostics');

    // A problem shows where the author looks: a diagnostic at its line.
    await writeBank(BANK('### 2. What is a manager, again?\n'));
    await until('a diagnostic', () => vscode.languages.getDiagnostics(file).length > 0, 5000);
    const [diagnostic] = vscode.languages.getDiagnostics(file);
    assert.equal(diagnostic.range.start.line, 12, 'the line of the repeated question');
    assert.match(diagnostic.message, /already used/);

    // Reveal in Bank File opens the file at the question.
    await vscode.commands.executeCommand(COMMANDS.revealInBank, 'topic.2');
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), file.toString());
    assert.equal(editor.selection.active.line, 8);

    // Back to the bundled bank and again to the file: nothing mixed, nothing lost.
    await vscode.commands.executeCommand(COMMANDS.chooseBank, '');
    assert.equal(a.study.bankId, 'django');
    assert.equal(a.study.isDone(bundledTick), true);
    assert.equal(a.study.isDone('topic.1'), false, 'the file’s tick is not the bundled bank’s');
    await vscode.commands.executeCommand(COMMANDS.chooseBank, 'my-bank.md');
    assert.equal(a.study.isDone('topic.1'), true);
    assert.equal(a.study.getNote('topic.2'), 'objects is the default manager');
    await vscode.commands.executeCommand(COMMANDS.chooseBank, '');
    await a.study.setDone(bundledTick, false);
  });

  it('says at line 1 of the file that an index page of links has no questions, and why', async () => {
    const a = await api();
    const links = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'links.md');
    const index = [
      '# Interview Questions',
      '',
      '## Table of Contents',
      '',
      '1. [General Questions](questions/general.md)',
      '1. [HTML Questions](questions/html.md)',
      '1. [Accessibility Questions](https://example.org/a11y) (external link)',
      '',
      '## Contributors',
      '',
      '- [@ana](https://github.com/ana)',
    ].join('\n');
    await vscode.workspace.fs.writeFile(links, new TextEncoder().encode(index));
    try {
      await vscode.commands.executeCommand(COMMANDS.chooseBank, 'links.md');
      assert.equal(a.study.entries.length, 0);
      assert.equal(a.study.bank.noQuestions, 'links', 'the view’s welcome says it looks like a list of links (a UI test shows it)');
      // No message line ('' in the browser's host once one was cleared): it would hide the welcome text and its buttons.
      assert.ok(!a.view.message, `the view's message: ${JSON.stringify(a.view.message)}`);
      await until('a diagnostic', () => vscode.languages.getDiagnostics(links).length > 0, 5000);
      const [diagnostic] = vscode.languages.getDiagnostics(links);
      assert.equal(diagnostic.range.start.line, 0);
      assert.match(diagnostic.message, /^no questions found: it looks like a list of links\. .*bank-format/);
    } finally {
      await vscode.commands.executeCommand(COMMANDS.chooseBank, '');
      await vscode.workspace.fs.delete(links).then(undefined, () => undefined);
    }
  });

  it('keeps typing on a question that an edit takes out of the bank, as an orphaned note, and moves the page on', async () => {
    const a = await api();
    await writeBank(BANK());
    await vscode.commands.executeCommand(COMMANDS.chooseBank, 'my-bank.md');
    const bankId = a.study.bankId;
    const page = a.pages.open('topic.2')!;
    await writeBank(BANK().replace(/### 2\.[\s\S]*$/, ''));
    await until('the edit', () => a.study.entries.length === 1, 5000);
    await until('the page moving on', () => page.questionId === 'topic.1');
    // A keystroke typed before the page heard of the edit arrives now, for the question that left.
    page.handleMessage({
      type: 'editNote',
      id: 'topic.2',
      bankId,
      text: 'typed as it left',
      writer: 'w-left',
      revision: 1,
      base: 0,
      restored: false,
    });
    await until('the note stored', () => a.study.store.getNote(bankId, 'topic.2') === 'typed as it left', 3000);
    assert.deepEqual(a.study.orphanedNoteIds(), ['topic.2']);
    // And a note for a bank this window never showed is refused.
    page.handleMessage({
      type: 'editNote',
      id: 'topic.1',
      bankId: 'file-0000',
      text: 'x',
      writer: 'w-x',
      revision: 1,
      base: 0,
      restored: false,
    });
    await a.study.store.flush();
    assert.equal(a.study.store.getNote('file-0000', 'topic.1'), '');
  });
});
