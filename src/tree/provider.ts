// The sidebar: sections, subsections and questions in bank order, with native checkboxes for done.
import * as vscode from 'vscode';
import type { QuestionEntry, Section } from '../bank/model';
import type { Study } from '../progress/study';
import { Disposable } from '../util/disposable';
import { COMMANDS } from '../shared/ids';
import { shownId } from '../bank/ids';
import { passes, type Filter } from './filter';

/** Where the provider keeps what the learner chose for the view (workspace storage). */
export interface ViewMemory {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

export type StudyNode =
  { kind: 'section'; section: Section; parent?: StudyNode } | { kind: 'question'; entry: QuestionEntry; parent: StudyNode };

export class StudyTreeProvider extends Disposable implements vscode.TreeDataProvider<StudyNode> {
  private readonly _onDidChangeTreeData = this.register(new vscode.EventEmitter<StudyNode | StudyNode[] | undefined>());
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;
  /** Nodes are made once, so refreshes can name them and getParent can walk up. */
  private readonly sectionNodes = new Map<Section, StudyNode>();
  private readonly questionNodes = new Map<string, StudyNode & { kind: 'question' }>();
  private readonly roots: StudyNode[] = [];

  private _filter: Filter = 'all';
  /** Sections the learner expanded, by id, per bank: kept across reloads. */
  private expanded = new Set<string>();
  /** Questions with notes, to refresh a row only when its note mark comes or goes. */
  private noted = new Set<string>();
  /** Questions due for review as of the last look (time moves them in: see refreshDue). */
  private due = new Set<string>();

  constructor(
    private readonly study: Study,
    private readonly memory?: ViewMemory,
  ) {
    super();
    this.build();
    this.register(
      study.onDidChangeNote((change) => {
        const has = change.text !== '';
        if (has === this.noted.has(change.id)) return;
        if (has) this.noted.add(change.id);
        else this.noted.delete(change.id);
        if (this._filter === 'notes') return this._onDidChangeTreeData.fire(undefined);
        const node = this.questionNodes.get(change.id);
        if (node) this._onDidChangeTreeData.fire(node);
      }),
    );
    this.register(study.onDidChangeReview(() => this.refreshDue()));
    // A set's questions changed: under its filter the tree shows others.
    this.register(study.store.sets.onDidChangeSets(() => this._filter.startsWith('set:') && this._onDidChangeTreeData.fire(undefined)));
    this.register(
      study.onDidChangeBank(() => {
        this.build();
        this._onDidChangeTreeData.fire(undefined);
      }),
    );
    this.register(
      study.onDidChangeProgress((change) => {
        // Under a done/not-done filter a tick moves a question out of (or into) the tree.
        if (!change.ids || this._filter === 'undone' || this._filter === 'done') return this._onDidChangeTreeData.fire(undefined);
        const changed = new Set<StudyNode>();
        for (const id of change.ids) {
          let node: StudyNode | undefined = this.questionNodes.get(id);
          for (; node; node = node.parent) changed.add(node);
        }
        this._onDidChangeTreeData.fire([...changed]);
      }),
    );
  }

  get filter(): Filter {
    return this._filter;
  }

  set filter(filter: Filter) {
    if (filter === this._filter) return;
    this._filter = filter;
    this._onDidChangeTreeData.fire(undefined);
  }

  /** How many questions are due for review. */
  get dueCount(): number {
    return this.due.size;
  }

  /**
   * Looks again at which questions are due (after a rating, and as time passes); refreshes the rows
   * that changed. Returns whether any did.
   */
  refreshDue(): boolean {
    const now = new Set(this.study.dueIds());
    const changed = [...now].filter((id) => !this.due.has(id)).concat([...this.due].filter((id) => !now.has(id)));
    this.due = now;
    if (!changed.length) return false;
    if (this._filter === 'due') this._onDidChangeTreeData.fire(undefined);
    else
      this._onDidChangeTreeData.fire(
        changed.map((id) => this.questionNodes.get(id)).filter((n): n is StudyNode & { kind: 'question' } => !!n),
      );
    return true;
  }

  /** How many questions the filter lets through. */
  matching(): number {
    return this.study.entries.filter((e) => this.passes(e.question.id)).length;
  }

  /** The view expanded or collapsed a section: remembered for this bank. */
  setExpanded(node: StudyNode, expanded: boolean): void {
    if (node.kind !== 'section') return;
    if (expanded) this.expanded.add(node.section.id);
    else this.expanded.delete(node.section.id);
    void this.memory?.update(this.expandedKey(), [...this.expanded]);
  }

  private expandedKey(): string {
    return `view/expanded/${this.study.bankId}`;
  }

  /** Makes the nodes of the study's bank (again, when the bank was replaced). */
  private build(): void {
    const kept = this.memory?.get<unknown>(this.expandedKey());
    this.expanded = new Set(Array.isArray(kept) ? kept.filter((v): v is string => typeof v === 'string') : []);
    this.noted = new Set(this.study.notedIds());
    this.due = new Set(this.study.dueIds());
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
    if (!node) return this.roots.filter((n) => this.shows(n));
    if (node.kind === 'question') return [];
    const subs = node.section.sections.map((s) => this.sectionNodes.get(s)!).filter((n) => this.shows(n));
    const questions = node.section.questions.filter((q) => this.passes(q.id)).map((q) => this.questionNodes.get(q.id)!);
    return [...questions, ...subs];
  }

  /** A section is shown while the filter lets one of its questions through. */
  private shows(node: StudyNode): boolean {
    if (node.kind === 'question') return this.passes(node.entry.question.id);
    if (this._filter === 'all') return true;
    const ids = this.study.idsUnder(node.section);
    return ids.some((id) => this.passes(id));
  }

  /** The filter's verdict on a question, from its done state and the tree's own set of noted questions. */
  private passes(id: string): boolean {
    return passes(this._filter, {
      done: this.study.isDone(id),
      noted: this.noted.has(id),
      due: this.due.has(id),
      inSet: (name) => !!this.study.store.sets.all(this.study.bankId).get(name)?.has(id),
    });
  }

  getParent(node: StudyNode): StudyNode | undefined {
    return node.parent;
  }

  getTreeItem(node: StudyNode): vscode.TreeItem {
    if (node.kind === 'section') {
      const { section } = node;
      const count = this.study.count(section);
      const state = this.expanded.has(section.id) ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
      const item = new vscode.TreeItem(section.title, state);
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
    const due = this.due.has(question.id);
    const shown = shownId(question.id);
    item.description = due ? vscode.l10n.t('{0} · due', shown) : shown;
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
    if (due) {
      tooltip.appendMarkdown('\n\n---\n\n');
      tooltip.appendText(vscode.l10n.t('Due for review'));
    }
    item.tooltip = tooltip;
    item.contextValue = done ? 'question-done' : 'question';
    if (this.noted.has(question.id)) item.iconPath = new vscode.ThemeIcon('note');
    item.command = { command: COMMANDS.openQuestion, title: vscode.l10n.t('Open Question'), arguments: [question.id] };
    let label = done ? vscode.l10n.t('{0} {1}, done', question.id, question.text) : `${question.id} ${question.text}`;
    if (this.noted.has(question.id)) label = vscode.l10n.t('{0}, with notes', label);
    if (due) label = vscode.l10n.t('{0}, due for review', label);
    item.accessibilityInformation = { label };
    return item;
  }
}
