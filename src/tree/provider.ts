// The sidebar: sections, subsections and questions in bank order, with native checkboxes for done.
import * as vscode from 'vscode';
import type { QuestionEntry, Section } from '../bank/model';
import type { Study } from '../progress/study';
import { Disposable } from '../util/disposable';
import { COMMANDS } from '../shared/ids';

export type StudyNode = { kind: 'section'; section: Section; parent?: StudyNode } | { kind: 'question'; entry: QuestionEntry; parent: StudyNode };

export class StudyTreeProvider extends Disposable implements vscode.TreeDataProvider<StudyNode> {
  private readonly _onDidChangeTreeData = this.register(new vscode.EventEmitter<StudyNode | StudyNode[] | undefined>());
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;
  /** Nodes are made once, so refreshes can name them and getParent can walk up. */
  private readonly sectionNodes = new Map<Section, StudyNode>();
  private readonly questionNodes = new Map<string, StudyNode & { kind: 'question' }>();
  private readonly roots: StudyNode[] = [];

  constructor(private readonly study: Study) {
    super();
    this.build();
    this.register(
      study.onDidChangeBank(() => {
        this.build();
        this._onDidChangeTreeData.fire(undefined);
      }),
    );
    this.register(
      study.onDidChangeProgress((change) => {
        if (!change.ids) return this._onDidChangeTreeData.fire(undefined);
        const changed = new Set<StudyNode>();
        for (const id of change.ids) {
          let node: StudyNode | undefined = this.questionNodes.get(id);
          for (; node; node = node.parent) changed.add(node);
        }
        this._onDidChangeTreeData.fire([...changed]);
      }),
    );
  }

  /** Makes the nodes of the study's bank (again, when the bank was replaced). */
  private build(): void {
    this.sectionNodes.clear();
    this.questionNodes.clear();
    this.roots.length = 0;
    const visit = (section: Section, parent?: StudyNode) => {
      const node: StudyNode = { kind: 'section', section, parent };
      this.sectionNodes.set(section, node);
      if (!parent) this.roots.push(node);
      for (const sub of section.sections) visit(sub, node);
    };
    this.study.bank.sections.forEach((s) => visit(s));
    for (const entry of this.study.entries) {
      const parent = this.sectionNodes.get(entry.path[entry.path.length - 1])!;
      this.questionNodes.set(entry.question.id, { kind: 'question', entry, parent });
    }
  }

  nodeFor(id: string): StudyNode | undefined {
    return this.questionNodes.get(id);
  }

  getChildren(node?: StudyNode): StudyNode[] {
    if (!node) return this.roots;
    if (node.kind === 'question') return [];
    const subs = node.section.sections.map((s) => this.sectionNodes.get(s)!);
    const questions = node.section.questions.map((q) => this.questionNodes.get(q.id)!);
    return [...questions, ...subs];
  }

  getParent(node: StudyNode): StudyNode | undefined {
    return node.parent;
  }

  getTreeItem(node: StudyNode): vscode.TreeItem {
    if (node.kind === 'section') {
      const { section } = node;
      const count = this.study.count(section);
      const item = new vscode.TreeItem(section.title, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `section:${section.id}`;
      item.description = `${count.done}/${count.total}`;
      item.tooltip = `${section.title}\n${vscode.l10n.t('{0} of {1} done', count.done, count.total)}`;
      item.contextValue = 'section';
      item.accessibilityInformation = { label: vscode.l10n.t('{0}, {1} of {2} done', section.title, count.done, count.total) };
      return item;
    }
    const { question } = node.entry;
    const done = this.study.isDone(question.id);
    const item = new vscode.TreeItem(question.text, vscode.TreeItemCollapsibleState.None);
    item.id = `question:${question.id}`;
    item.description = question.id;
    item.checkboxState = {
      state: done ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked,
      tooltip: done ? vscode.l10n.t('Mark as not done') : vscode.l10n.t('Mark as done'),
    };
    const tooltip = new vscode.MarkdownString(undefined, false);
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    tooltip.appendText(question.text);
    if (question.details) {
      tooltip.appendMarkdown('\n\n---\n\n');
      tooltip.appendText(question.details);
    }
    item.tooltip = tooltip;
    item.contextValue = done ? 'question-done' : 'question';
    item.command = { command: COMMANDS.openQuestion, title: vscode.l10n.t('Open Question'), arguments: [question.id] };
    item.accessibilityInformation = { label: done ? vscode.l10n.t('{0} {1}, done', question.id, question.text) : `${question.id} ${question.text}` };
    return item;
  }
}
