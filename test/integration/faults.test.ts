// Bad input from the page and from storage, inside the real extension host.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api } from './helpers';
import { COMMANDS } from '../../src/shared/ids';
import { NOTE_MAX_CHARS } from '../../src/progress/store';

describe('under bad input', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('ignores messages from the page that are malformed or name questions not in the bank', async () => {
    const a = await api();
    const page = a.pages.open('6.1')!;
    await a.study.store.setNote('django', '6.1', 'before');
    const doneBefore = [...a.study.store.doneIds('django')].sort();
    const keysBefore = [...a.storage.keys()].sort();
    const hostile: unknown[] = [
      undefined,
      42,
      'editNote',
      { type: 'eval', code: 'process.exit(1)' },
      { type: 'setDone', id: '6.1', done: 'true' },
      { type: 'setDone', id: 'not-a-question', done: true },
      { type: 'setDone', id: '__proto__', done: true },
      { type: 'editNote', id: '6.1', text: 12345, writer: 'w', revision: 1, base: 0, restored: false },
      { type: 'editNote', id: '../../etc/passwd', text: 'x', writer: 'w', revision: 1, base: 0, restored: false },
      { type: 'editNote', id: '6.1', text: 'x', writer: 'w', revision: 'one', base: 0, restored: false },
      { type: 'editNote', id: '6.1', text: 'x', revision: 1 },
      {
        type: 'editNote',
        id: '6.1',
        writer: 'w',
        revision: 2,
        base: 0,
        restored: false,
        patch: { from: 1, at: 9999, remove: 0, insert: 'x' },
      },
      { type: 'editNote', id: '6.1', writer: 'w', revision: 2, base: 0, restored: false, patch: { from: 1, at: 0, remove: 0, insert: 7 } },
      { type: 'navigate', id: '6.1', direction: 'up' },
      { type: 'openLink', href: 'command:workbench.action.quit' },
      { type: 'openLink', href: 'file:///etc/passwd' },
    ];
    for (const m of hostile) page.handleMessage(m);
    await a.study.store.flush();
    assert.equal(a.study.getNote('6.1'), 'before');
    assert.deepEqual([...a.study.store.doneIds('django')].sort(), doneBefore);
    assert.deepEqual([...a.storage.keys()].sort(), keysBefore);
    assert.equal(page.questionId, '6.1');
    await a.study.store.setNote('django', '6.1', '');
  });

  it('refuses a note over the size limit and keeps the stored one', async () => {
    const a = await api();
    const page = a.pages.open('6.2')!;
    await a.study.store.setNote('django', '6.2', 'kept');
    const edit = { type: 'editNote', id: '6.2', writer: 'load-1', base: 0, restored: false };
    page.handleMessage({ ...edit, text: 'x'.repeat(NOTE_MAX_CHARS + 1), revision: 7 });
    await new Promise((r) => setTimeout(r, 200));
    await a.study.store.flush();
    assert.equal(a.study.getNote('6.2'), 'kept');
    page.handleMessage({ ...edit, text: 'accepted', revision: 8 });
    await new Promise((r) => setTimeout(r, 50));
    await a.study.store.flush();
    assert.equal(a.study.getNote('6.2'), 'accepted');
    // A patch that would take the note over the limit is refused too.
    page.handleMessage({ ...edit, revision: 9, patch: { from: 8, at: 8, remove: 0, insert: 'y'.repeat(NOTE_MAX_CHARS) } });
    await new Promise((r) => setTimeout(r, 200));
    await a.study.store.flush();
    assert.equal(a.study.getNote('6.2'), 'accepted');
    await a.study.store.setNote('django', '6.2', '');
  });

  it('keeps notes of questions no longer in the bank and opens them from Show Orphaned Notes', async () => {
    const a = await api();
    await a.storage.update('note/django/retired.3', { schema: 1, text: 'An answer to a question the bank dropped.', updated: 1 });
    assert.ok(a.study.orphanedNoteIds().includes('retired.3'));
    await vscode.commands.executeCommand(COMMANDS.showOrphanedNotes, 'retired.3');
    const shows = (e: vscode.TextEditor) => /"retired\.3", which is no longer in the bank/.test(e.document.getText());
    for (let i = 0; i < 100 && !vscode.window.visibleTextEditors.some(shows); i++) await new Promise((r) => setTimeout(r, 100));
    const editor = vscode.window.visibleTextEditors.find(shows);
    assert.ok(editor, 'an editor opened on the orphaned note');
    await vscode.window.showTextDocument(editor.document);
    assert.equal(editor.document.languageId, 'markdown');
    assert.match(editor.document.getText(), /An answer to a question the bank dropped\./);
    assert.match(editor.document.getText(), /"retired\.3", which is no longer in the bank/);
    assert.equal(a.study.getNote('retired.3'), 'An answer to a question the bank dropped.', 'the note stays stored');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await a.storage.update('note/django/retired.3', undefined);
  });

  it('sets a stored note of the wrong shape aside with one warning, and the page still opens', async () => {
    const a = await api();
    await a.storage.update('note/django/8.1', { text: 42, from: 'a hand edit' });
    const warnings: string[] = [];
    const sub = a.study.store.onWarning((w) => warnings.push(w.message));
    const page = a.pages.open('8.1')!;
    // The page reads the note when its webview says it is ready, which can take a while on a busy machine.
    const start = Date.now();
    while (!warnings.length && Date.now() - start < 30000) await new Promise((r) => setTimeout(r, 50));
    await a.study.store.flush();
    sub.dispose();
    assert.equal(page.questionId, '8.1');
    assert.deepEqual(warnings, ['The stored note of question "8.1" had the wrong shape; it was set aside, not deleted.']);
    assert.equal(a.storage.get('note/django/8.1'), undefined);
    const aside = a.storage.keys().find((k) => k.startsWith('aside/') && k.endsWith('/note/django/8.1'))!;
    assert.deepEqual(a.storage.get(aside), { text: 42, from: 'a hand edit' });
    await a.storage.update(aside, undefined);
  });

  it('opens a second page on the same question in a page of its own', async () => {
    const a = await api();
    const first = a.pages.open('7.1')!;
    await vscode.commands.executeCommand(COMMANDS.openQuestionInNewPage, '7.1');
    const pages = a.pages.all();
    assert.equal(pages.length, 2);
    assert.ok(pages.every((p) => p.questionId === '7.1'));
    assert.notEqual(pages[1], first);
  });
});
