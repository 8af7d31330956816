// Runs inside a real extension host: the real 'vscode' API, the real workspace storage.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, until, EXTENSION_ID } from './helpers';
import type { ExtensionApi } from '../../src/extension';
import type { StudyNode } from '../../src/tree/provider';
import { COMMANDS, VIEW_TYPES } from '../../src/shared/ids';
import { walkSections } from '../../src/bank/model';

function allNodes(a: ExtensionApi, node?: StudyNode): StudyNode[] {
  return a.tree.getChildren(node).flatMap((child) => [child, ...allNodes(a, child)]);
}

describe('Django Interview Prep in a real VS Code', () => {
  before(async () => {
    const a = await api();
    await a.study.resetToMarkers();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('registers every contributed command', async () => {
    await api();
    const all = new Set(await vscode.commands.getCommands(true));
    for (const id of Object.values(COMMANDS)) assert.ok(all.has(id), `command ${id}`);
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string }[] } };
    for (const c of pkg.contributes.commands) assert.ok(all.has(c.command), `contributed command ${c.command} is registered`);
  });

  it('shows the whole bank in the tree with correct counts', async () => {
    const a = await api();
    const nodes = allNodes(a);
    const questions = nodes.filter((n) => n.kind === 'question');
    assert.equal(questions.length, 256);
    const roots = a.tree.getChildren();
    assert.equal(roots.length, 11);
    const first = a.tree.getTreeItem(roots[0]);
    assert.equal(first.label, '1. Django Fundamentals');
    assert.equal(first.description, '7/20', 'seven questions of section 1 are marked done in the bank');
    for (const node of nodes.filter((n) => n.kind === 'section')) {
      const item = a.tree.getTreeItem(node);
      if (node.kind !== 'section') continue;
      const ids = [...walkSections([node.section])].flatMap((s) => s.section.questions.map((q) => q.id));
      const done = ids.filter((id) => a.study.isDone(id)).length;
      assert.equal(item.description, `${done}/${ids.length}`, node.section.title);
    }
    const q = a.tree.getTreeItem(questions[0]);
    assert.equal(q.label, a.study.entries[0].question.text);
    assert.deepEqual((q.checkboxState as { state: vscode.TreeItemCheckboxState }).state, vscode.TreeItemCheckboxState.Checked);
  });

  it('toggles done through the command, in storage and in the tree', async () => {
    const a = await api();
    const node = a.tree.nodeFor('1.8')!;
    const section = a.tree.getChildren()[0];
    assert.equal(a.study.isDone('1.8'), false);
    const changed: unknown[] = [];
    const sub = a.tree.onDidChangeTreeData((e) => changed.push(e));
    await vscode.commands.executeCommand(COMMANDS.toggleDone, '1.8');
    sub.dispose();
    assert.equal(a.study.isDone('1.8'), true);
    const stored = a.storage.get('progress/django') as { schema: number; marks: Record<string, { done: boolean }> };
    assert.equal(stored.schema, 2);
    assert.equal(stored.marks['1.8'].done, true);
    const item = a.tree.getTreeItem(node);
    assert.equal((item.checkboxState as { state: vscode.TreeItemCheckboxState }).state, vscode.TreeItemCheckboxState.Checked);
    assert.equal(a.tree.getTreeItem(section).description, '8/20');
    assert.ok(changed.length > 0, 'the tree was told to refresh');
    await vscode.commands.executeCommand(COMMANDS.toggleDone, '1.8');
    assert.equal(a.study.isDone('1.8'), false);
    assert.equal((a.storage.get('progress/django') as { marks: Record<string, { done: boolean }> }).marks['1.8'].done, false);
  });

  it('round-trips notes through workspace storage', async () => {
    const a = await api();
    const text = 'An F() expression refers to a field 🐍 — 𝔘𝔫𝔦𝔠𝔬𝔡𝔢\nsecond line';
    await a.study.store.setNote('django', '2B.7', text);
    assert.equal(a.study.getNote('2B.7'), text);
    const stored = a.storage.get('note/django/2B.7') as { schema: number; text: string };
    assert.equal(stored.schema, 1);
    assert.equal(stored.text, text);
    await a.study.store.setNote('django', '2B.7', '');
    // An emptied note keeps its entry and version, so an older draft cannot bring the text back.
    const emptied = a.storage.get('note/django/2B.7') as { text: string; version: number };
    assert.equal(emptied.text, '');
    assert.ok(emptied.version >= 2);
    assert.equal(a.study.getNote('2B.7'), '');
  });

  it('opens a question page beside the editor, and walks the bank with Next/Previous', async () => {
    const a = await api();
    await vscode.commands.executeCommand(COMMANDS.openQuestion, '3.1');
    await until('the page', () => a.pages.active()?.questionId === '3.1');
    const page = a.pages.active()!;
    assert.equal(page.panel.viewType, VIEW_TYPES.question);
    assert.match(page.panel.title, /^3\.1 /);
    await vscode.commands.executeCommand(COMMANDS.nextQuestion);
    assert.equal(page.questionId, '3.2');
    await vscode.commands.executeCommand(COMMANDS.previousQuestion);
    await vscode.commands.executeCommand(COMMANDS.previousQuestion);
    assert.equal(page.questionId, '2B.20', 'previous from the first question of 3 is the last of 2B');
    await vscode.commands.executeCommand(COMMANDS.openQuestion, '4B.3');
    assert.equal(a.pages.all().length, 1, 'one reused page by default');
    assert.equal(page.questionId, '4B.3');
    await vscode.commands.executeCommand(COMMANDS.toggleDone);
    assert.equal(a.study.isDone('4B.3'), true, 'Toggle Done without an argument acts on the open page');
    await vscode.commands.executeCommand(COMMANDS.toggleDone);
    assert.equal(a.study.isDone('4B.3'), false);
  });

  it('revives a page after a reload with the serializer', async () => {
    const a = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await until('pages closed', () => a.pages.all().length === 0);
    const panel = vscode.window.createWebviewPanel(VIEW_TYPES.question, 'revived', vscode.ViewColumn.One, {});
    await a.pages.deserializeWebviewPanel(panel, { bankId: 'django', id: '5B.21' });
    assert.equal(a.pages.all().length, 1);
    assert.equal(a.pages.all()[0].questionId, '5B.21');
    assert.match(panel.title, /^5B\.21 /);
    assert.equal(panel.webview.options.enableScripts, true);
    assert.match(panel.webview.html, /default-src 'none'/);

    const stale = vscode.window.createWebviewPanel(VIEW_TYPES.question, 'stale', vscode.ViewColumn.One, {});
    await a.pages.deserializeWebviewPanel(stale, { bankId: 'django', id: 'no-such-question' });
    assert.equal(a.pages.all()[1].questionId, '5B.21', 'a state naming no question of the bank opens the question shown last');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('revives a page that has no state on the question shown last, not the first', async () => {
    const a = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await until('pages closed', () => a.pages.all().length === 0);
    a.pages.open('4A.3');
    await until('the question is remembered', () => a.study.lastShown() === '4A.3');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await until('pages closed', () => a.pages.all().length === 0);
    const bare = vscode.window.createWebviewPanel(VIEW_TYPES.question, 'no state', vscode.ViewColumn.One, {});
    await a.pages.deserializeWebviewPanel(bare, undefined);
    assert.equal(a.pages.all()[0].questionId, '4A.3');
    assert.equal(a.storage.get<{ id: string }>('shown/django')?.id, '4A.3', 'kept in workspace storage (and its journal)');
    // A stale state (saved before the page moved on to 4A.4) names the page: it comes back on 4A.4.
    const page = a.pages.all()[0];
    page.show('4A.4');
    const staleState = { bankId: 'django', id: '4A.3', pageKey: page.pageKey };
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await until('pages closed', () => a.pages.all().length === 0);
    a.pages.open('2A.1', { newPage: true });
    const revived = vscode.window.createWebviewPanel(VIEW_TYPES.question, 'stale state', vscode.ViewColumn.One, {});
    await a.pages.deserializeWebviewPanel(revived, staleState);
    assert.equal(a.pages.all().find((p) => p.panel === revived)?.questionId, '4A.4');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('gives a revived page a new panel in its place, keeping the draft only the old panel’s state held', async () => {
    const a = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await until('pages closed', () => a.pages.all().length === 0);
    await a.study.store.setNote('django', '7.3', '');
    const draft = 'Typed before the reload; the page that would have sent it never loaded.';
    // Typed on the stored note as it stands (base: its version), so the draft is the newer.
    const base = a.study.noteRecord('7.3').stamp.version;
    const revived = vscode.window.createWebviewPanel(VIEW_TYPES.question, 'revived', vscode.ViewColumn.One, {});
    await a.pages.deserializeWebviewPanel(revived, {
      bankId: 'django',
      id: '7.3',
      pageKey: 'c0ffee',
      pending: { id: '7.3', text: draft, writer: 'load-7', revision: 12, base },
    });
    const page = a.pages.all()[0];
    // What the watchdog does when a page has not loaded after its HTML was set again.
    page.replacePanel();
    assert.notEqual(page.panel, revived);
    assert.equal(page.panel.viewColumn, vscode.ViewColumn.One, 'in the old panel’s place');
    assert.equal(page.questionId, '7.3');
    await until('the draft is stored', () => a.study.getNote('7.3') === draft);
    assert.equal(a.study.conflicts().filter((c) => c.id === '7.3').length, 0, 'the newer draft is the note, not a copy');
    const pageTabs = () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(VIEW_TYPES.question));
    await until('one tab for the page', () => pageTabs().length === 1);
    assert.equal(a.pages.all().length, 1, 'still one page, now in the new panel');
    // The page goes on working in its new panel: it moves on, and closing it ends it.
    page.show('7.4');
    assert.match(page.panel.title, /^7\.4 /);
    page.panel.dispose();
    await until('the page is gone', () => a.pages.all().length === 0);
    await a.study.store.setNote('django', '7.3', '');
  });

  it('keeps the newer note when a revived page sends an older draft, and lists the draft as a conflict copy', async () => {
    const a = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await until('pages closed', () => a.pages.all().length === 0);
    const page = a.pages.open('7.2')!;
    // The page's first load typed 'abcdef' then changed it to 'abXdef'; its state was saved at 'abc'.
    const send = (text: string, revision: number, restored = false) =>
      page.handleMessage({ type: 'editNote', id: '7.2', text, writer: 'load-1', revision, base: 0, restored });
    send('abc', 3);
    send('abcdef', 6);
    send('abXdef', 9);
    await until('the note is stored', () => a.study.getNote('7.2') === 'abXdef');
    send('abc', 3, true);
    await until('a conflict copy is kept', () => a.study.conflicts().some((c) => c.id === '7.2'));
    assert.equal(a.study.getNote('7.2'), 'abXdef', 'the newer note stays');
    const copy = a.study.conflicts().find((c) => c.id === '7.2')!;
    assert.equal(copy.text, 'abc');
    await vscode.commands.executeCommand(COMMANDS.showOrphanedNotes, copy.key);
    const shows = (e: vscode.TextEditor) => /conflict copy of your note on question "7\.2"/.test(e.document.getText());
    await until('the conflict copy opens', () => vscode.window.visibleTextEditors.some(shows));
    const editor = vscode.window.visibleTextEditors.find(shows)!;
    assert.match(editor.document.getText(), /\n\nabc$/);
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await until('the conflict copy closes', () => !vscode.window.visibleTextEditors.some(shows));
    await a.study.discardConflict(copy);
    await a.study.store.setNote('django', '7.2', '');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
