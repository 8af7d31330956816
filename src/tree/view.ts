// The Questions view: the tree, its native checkboxes (done) and the overall count beside its title.
import * as vscode from 'vscode';
import type { Study } from '../progress/study';
import { VIEW_ID } from '../shared/ids';
import { StudyTreeProvider, type StudyNode } from './provider';

export function createTreeView(study: Study): { tree: StudyTreeProvider; treeView: vscode.TreeView<StudyNode>; disposable: vscode.Disposable } {
  const tree = new StudyTreeProvider(study);
  const treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true, manageCheckboxStateManually: true });
  const describeTotal = () => {
    const { done, total } = study.total();
    treeView.description = total ? `${done}/${total}` : undefined;
  };
  describeTotal();
  const disposable = vscode.Disposable.from(
    tree,
    treeView,
    treeView.onDidChangeCheckboxState((e) => {
      for (const [node, state] of e.items) {
        if (node.kind === 'question') void study.setDone(node.entry.question.id, state === vscode.TreeItemCheckboxState.Checked);
      }
    }),
    study.onDidChangeProgress(describeTotal),
    study.onDidChangeBank(describeTotal),
  );
  return { tree, treeView, disposable };
}
