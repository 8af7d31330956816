// The Questions view: the tree, its native checkboxes (done), its filter, the count beside its
// title and in the status bar, the sections the learner expanded, and a selection that follows
// the question the page shows.
import * as vscode from 'vscode';
import { settingId, settings } from '../source/settings';
import type { Study } from '../progress/study';
import { COMMANDS, VIEW_ID, CONTEXT_KEYS, STATUS_ITEMS } from '../shared/ids';
import { command, type Command } from '../commands/registry';
import { StudyTreeProvider, type StudyNode, type ViewMemory } from './provider';
import { FILTERS, isFilter, setFilter, setOf, type Filter } from './filter';

const FILTER_KEY = 'view/filter';

export function filterLabel(filter: Filter): string {
  switch (filter) {
    case 'all':
      return vscode.l10n.t('All');
    case 'undone':
      return vscode.l10n.t('Not done');
    case 'done':
      return vscode.l10n.t('Done');
    case 'notes':
      return vscode.l10n.t('With notes');
    case 'due':
      return vscode.l10n.t('Due for review');
    default:
      return vscode.l10n.t('Study set: {0}', setOf(filter) ?? '');
  }
}

export function createTreeView(
  study: Study,
  memory?: ViewMemory,
  shown?: vscode.Event<string>,
): { tree: StudyTreeProvider; treeView: vscode.TreeView<StudyNode>; disposable: vscode.Disposable; commands: Command[] } {
  const tree = new StudyTreeProvider(study, memory);
  /** A set's filter holds while the bank has that set (it may have been deleted, or be another bank's). */
  const holds = (filter: Filter) => {
    const set = setOf(filter);
    return set === undefined || study.store.sets.all(study.bankId).has(set);
  };
  const kept = memory?.get<unknown>(FILTER_KEY);
  if (isFilter(kept) && holds(kept)) tree.filter = kept;
  const treeView = vscode.window.createTreeView(VIEW_ID, {
    treeDataProvider: tree,
    showCollapseAll: true,
    manageCheckboxStateManually: true,
  });
  const status = vscode.window.createStatusBarItem(STATUS_ITEMS.progress, vscode.StatusBarAlignment.Left, 100);
  status.name = vscode.l10n.t('Django Interview Prep: Progress');
  status.command = 'workbench.view.extension.djangoPrep';
  const planStatus = vscode.window.createStatusBarItem(STATUS_ITEMS.plan, vscode.StatusBarAlignment.Left, 99.5);
  planStatus.name = vscode.l10n.t('Django Interview Prep: Study Plan');
  planStatus.command = COMMANDS.startReview;

  const describe = () => {
    const { done, total } = study.total();
    const due = tree.dueCount;
    const counts =
      tree.filter === 'all' ? `${done}/${total}` : vscode.l10n.t('{0}: {1} of {2}', filterLabel(tree.filter), tree.matching(), total);
    // With an interview date, the day's plan, and the days left in the status bar.
    const plan = study.dayPlan(settings.planLimits());
    const planWords = plan && vscode.l10n.t('today: {0} new, {1} due', plan.newIds.length, plan.reviewIds.length);
    // Without one, more due than today's reviews allow: how many wait (the backlog).
    const backlog = !plan && due ? study.reviewQueue(settings.maxReviewsPerDay()).backlog : 0;
    const dueWords = backlog ? vscode.l10n.t('{0} due, {1} over today’s limit', due, backlog) : vscode.l10n.t('{0} due', due);
    treeView.description = !total
      ? undefined
      : planWords
        ? `${counts} · ${planWords}`
        : due && tree.filter !== 'due'
          ? `${counts} · ${dueWords}`
          : counts;
    if (plan) {
      const days = plan.daysLeft === 1 ? vscode.l10n.t('1 day') : vscode.l10n.t('{0} days', plan.daysLeft);
      planStatus.text = `$(calendar) ${days} · ${vscode.l10n.t('{0} due', plan.reviewIds.length)}`;
      planStatus.tooltip = [
        vscode.l10n.t(
          'Interview in {0}. Today: {1} new questions and {2} reviews; {3} questions not seen yet.',
          days,
          plan.newIds.length,
          plan.reviewIds.length,
          plan.unseen,
        ),
        plan.short
          ? vscode.l10n.t(
              'At {0} new questions a day, {1} will not be seen in time: raise djangoPrep.newPerDay.',
              settings.newPerDay(),
              plan.short,
            )
          : '',
      ]
        .filter(Boolean)
        .join(' ');
      planStatus.show();
    } else planStatus.hide();
    // The activity bar's icon carries the number of questions due for review.
    treeView.badge = due
      ? { value: due, tooltip: due === 1 ? vscode.l10n.t('1 question due for review') : vscode.l10n.t('{0} questions due for review', due) }
      : undefined;
    status.text = `$(mortar-board) ${done}/${total}`;
    status.tooltip = vscode.l10n.t(
      '{0} of {1} questions done ({2}%). Click to show them.',
      done,
      total,
      total ? Math.round((done / total) * 100) : 0,
    );
    status.accessibilityInformation = { label: vscode.l10n.t('Interview questions: {0} of {1} done', done, total) };
    if (total) status.show();
    else status.hide();
  };
  describe();

  /** The question a page shows is revealed and selected, its sections expanded, without taking the focus. */
  const follow = (id: string) => {
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.openedQuestion, true); // the walkthrough's step
    const node = tree.nodeFor(id);
    if (!treeView.visible || !node || !tree.getChildren(node.parent).includes(node)) return;
    treeView.reveal(node, { select: true, focus: false, expand: true }).then(undefined, () => {});
  };

  const disposable = vscode.Disposable.from(
    tree,
    treeView,
    status,
    planStatus,
    treeView.onDidChangeCheckboxState((e) => {
      void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.ticked, true); // the walkthrough's step
      for (const [node, state] of e.items) {
        if (node.kind === 'question') void study.setDone(node.entry.question.id, state === vscode.TreeItemCheckboxState.Checked);
      }
    }),
    treeView.onDidExpandElement((e) => tree.setExpanded(e.element, true)),
    treeView.onDidCollapseElement((e) => tree.setExpanded(e.element, false)),
    study.onDidChangeProgress(describe),
    study.onDidChangeBank(() => (holds(tree.filter) ? describe() : setTreeFilter('all'))),
    study.onDidChangeReview(describe),
    // Time moves questions into "due": looked at again every half minute.
    (() => {
      const timer = setInterval(() => (tree.refreshDue(), describe()), 30_000);
      return { dispose: () => clearInterval(timer) };
    })(),
    study.onDidChangeNote(() => tree.filter === 'notes' && describe()),
    // The set the tree shows was deleted: back to every question.
    study.store.sets.onDidChangeSets(() => (holds(tree.filter) ? describe() : setTreeFilter('all'))),
    vscode.workspace.onDidChangeConfiguration(
      (e) => (e.affectsConfiguration(settingId('maxReviewsPerDay')) || e.affectsConfiguration(settingId('newPerDay'))) && describe(),
    ),
    ...(shown ? [shown(follow)] : []),
  );
  function setTreeFilter(filter: Filter): void {
    tree.filter = filter;
    void memory?.update(FILTER_KEY, filter);
    describe();
  }
  const commands = [
    command(COMMANDS.filter, async (arg?: unknown) => {
      let filter: Filter | undefined = isFilter(arg) ? arg : undefined;
      if (!filter) {
        const sets = [...study.store.sets.all(study.bankId)];
        const item = (f: Filter, description?: string) => ({
          label: filterLabel(f),
          description: [description, f === tree.filter ? vscode.l10n.t('current') : undefined].filter(Boolean).join(' · ') || undefined,
          filter: f,
        });
        const picked = await vscode.window.showQuickPick(
          [
            ...FILTERS.map((f) => item(f)),
            ...(sets.length
              ? [{ label: vscode.l10n.t('Study sets'), kind: vscode.QuickPickItemKind.Separator, filter: 'all' as Filter }]
              : []),
            ...sets.map(([name, ids]) =>
              item(setFilter(name), ids.size === 1 ? vscode.l10n.t('1 question') : vscode.l10n.t('{0} questions', ids.size)),
            ),
          ],
          { placeHolder: vscode.l10n.t('Show which questions') },
        );
        filter = picked?.filter;
      }
      if (!filter) return;
      if (!holds(filter)) {
        void vscode.window.showWarningMessage(vscode.l10n.t('There is no study set “{0}”.', setOf(filter) ?? ''));
        return;
      }
      setTreeFilter(filter);
    }),
  ];
  return { tree, treeView, disposable, commands };
}
