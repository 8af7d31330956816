// The tree provider over the fake 'vscode' API: sections, counts, checkboxes and refreshes.
import '../../fakes/vscode-hook';
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseBank } from '../../../src/bank/parse';
import { StudyStore } from '../../../src/progress/store';
import { Study } from '../../../src/progress/study';
import { StudyTreeProvider, type StudyNode } from '../../../src/tree/provider';
import { MemoryStore } from '../../fakes/memory';

const BANK = parseBank(
  ['## 1. Basics', '', '1. one **done**', '2. two', '', '### 1A. Deeper', '', '1. three', '', '## 2. More', '', '- four'].join('\n'),
);

function setup() {
  const study = new Study('bank', BANK, new StudyStore(new MemoryStore()));
  const tree = new StudyTreeProvider(study);
  const fired: Array<StudyNode | StudyNode[] | undefined> = [];
  tree.onDidChangeTreeData((e) => fired.push(e));
  return { study, tree, fired };
}

const label = (item: vscode.TreeItem) => String(item.label);
const checked = (item: vscode.TreeItem) =>
  (item.checkboxState as { state: vscode.TreeItemCheckboxState }).state === vscode.TreeItemCheckboxState.Checked;

describe('the tree provider', () => {
  it('shows sections with done/total counts, then their questions before their subsections', () => {
    const { tree } = setup();
    const roots = tree.getChildren();
    assert.deepEqual(
      roots.map((n) => label(tree.getTreeItem(n))),
      ['1. Basics', '2. More'],
    );
    assert.deepEqual(
      roots.map((n) => tree.getTreeItem(n).description),
      ['1/3', '0/1'],
    );
    const children = tree.getChildren(roots[0]);
    assert.deepEqual(
      children.map((n) => (n.kind === 'question' ? n.entry.question.id : n.section.title)),
      ['1.1', '1.2', '1A. Deeper'],
    );
    assert.equal(tree.getParent(children[0]), roots[0]);
  });

  it('gives each question a checkbox, its id, a tooltip and a command that opens it', () => {
    const { tree } = setup();
    const one = tree.getTreeItem(tree.nodeFor('1.1')!);
    const two = tree.getTreeItem(tree.nodeFor('1.2')!);
    assert.equal(checked(one), true, 'the author marked it done');
    assert.equal(checked(two), false);
    assert.equal(one.description, '1.1');
    assert.deepEqual(one.command?.arguments, ['1.1']);
    assert.equal(one.contextValue, 'question-done');
    assert.match(String((two.accessibilityInformation ?? { label: '' }).label), /^1\.2 two$/);
  });

  it('refreshes a ticked question and the sections above it, and everything after a reset', async () => {
    const { study, tree, fired } = setup();
    await study.setDone('1A.1', true);
    const changed = fired[0] as StudyNode[];
    assert.deepEqual(
      changed.map((n) => (n.kind === 'question' ? n.entry.question.id : n.section.id)),
      ['1A.1', '1A', '1'],
    );
    assert.equal(tree.getTreeItem(tree.getChildren()[0]).description, '2/3');
    await study.clearAll();
    assert.equal(fired[1], undefined, 'a reset refreshes the whole tree');
    tree.dispose();
    await study.setDone('1.2', true);
    assert.equal(fired.length, 2, 'a disposed provider is quiet');
  });

  it('shows a replaced bank whole: an edited file keeps the ticks of unchanged ids, another bank its own', async () => {
    const { study, tree, fired } = setup();
    await study.setDone('1.2', true);
    fired.length = 0;
    study.replaceBank(
      'bank',
      parseBank(['## 1. Basics', '', '1. one', '2. two, reworded', '3. new', '', '## 3. Last', '', '- five'].join('\n')),
    );
    assert.deepEqual(fired, [undefined], 'one refresh of the whole tree');
    const roots = tree.getChildren();
    assert.deepEqual(
      roots.map((n) => label(tree.getTreeItem(n))),
      ['1. Basics', '3. Last'],
    );
    assert.deepEqual(
      tree.getChildren(roots[0]).map((n) => [label(tree.getTreeItem(n)), checked(tree.getTreeItem(n))]),
      [
        ['one', true],
        ['two, reworded', true],
        ['new', false],
      ],
    );
    study.replaceBank('other', parseBank('## A\n\n1. one\n2. two\n'));
    assert.equal(study.isDone('1.2'), false);
    assert.deepEqual(
      tree.getChildren().map((n) => tree.getTreeItem(n).description),
      ['0/2'],
    );
    study.replaceBank('bank', BANK);
    assert.equal(study.isDone('1.2'), true, 'back to the first bank: its ticks are there');
    assert.equal(study.hasShown('other', 'a.1'), true);
    assert.equal(study.hasShown('other', 'a.9'), false);
  });

  it(
    'filters questions (not done, done, with notes), keeps ' + 'whole-section counts, marks notes and remembers expanded sections',
    async () => {
      const stored = new Map<string, unknown>();
      const memory = {
        get: <T>(k: string) => stored.get(k) as T | undefined,
        update: async (k: string, v: unknown) => void stored.set(k, v),
      };
      const study = new Study('bank', BANK, new StudyStore(new MemoryStore()));
      const tree = new StudyTreeProvider(study, memory);
      const labels = (nodes: StudyNode[]) => nodes.map((n) => label(tree.getTreeItem(n)));
      tree.filter = 'undone';
      const roots = tree.getChildren();
      assert.deepEqual(labels(roots), ['1. Basics', '2. More']);
      assert.deepEqual(labels(tree.getChildren(roots[0])), ['two', '1A. Deeper'], 'the done question is hidden');
      assert.equal(tree.getTreeItem(roots[0]).description, '1/3', 'the count is of the whole section');
      assert.equal(tree.matching(), 3);
      tree.filter = 'done';
      assert.deepEqual(labels(tree.getChildren()), ['1. Basics'], 'sections with nothing to show are hidden');
      tree.filter = 'notes';
      assert.deepEqual(tree.getChildren(), []);
      await study.store.setNote('bank', '2.1', 'four is a bullet');
      assert.deepEqual(labels(tree.getChildren()), ['2. More']);
      const [four] = tree.getChildren(tree.getChildren()[0]);
      assert.equal((tree.getTreeItem(four).iconPath as vscode.ThemeIcon).id, 'note');
      tree.setExpanded(tree.getChildren()[0], true);
      const again = new StudyTreeProvider(study, memory);
      again.filter = 'all';
      const more = again.getChildren().find((n) => label(again.getTreeItem(n)) === '2. More')!;
      assert.equal(again.getTreeItem(more).collapsibleState, vscode.TreeItemCollapsibleState.Expanded, 'kept for the next window');
    },
  );
});
