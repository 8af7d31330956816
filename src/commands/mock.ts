// Start Mock Interview…: choose sections and a number of questions (undone and weak first), then
// each question alone against the clock on the mock page, and a summary at the end. A run left
// unfinished (its page closed, the window reloaded) can be taken up again.
import * as vscode from 'vscode';
import { randomHex } from '../util/random';
import type { Study } from '../progress/study';
import type { Reports } from '../page/report';
import type { Block } from '../bank/model';
import { COMMANDS, VIEW_TYPES } from '../shared/ids';
import { command, type Command } from './registry';
import { MockPage } from '../page/mock';
import { settings } from '../source/settings';
import { mockSummary } from '../page/mock-html';
import { newMock, type StoredMock } from '../review/mock';
import type { MockPageState } from '../shared/protocol';

export const mockMinutes = settings.mockMinutesPerQuestion;

export interface MockHost {
  study: Study;
  reports: Reports;
  extensionUri: vscode.Uri;
  log(message: string): void;
  renderNote?(text: string): Block[];
}

/** What the command takes from code (tests, links): skips the questions it answers. */
interface MockOptions {
  /** Ids of top-level sections. */
  sections?: string[];
  /** Names of study sets, drawn from beside the sections. */
  sets?: string[];
  count?: number;
  /** Start afresh even when a run is unfinished. */
  fresh?: boolean;
}

export class MockInterviews implements vscode.Disposable {
  private page: MockPage | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  /** Start Mock Interview…, registered with the others (registry.ts). */
  readonly commands: Command[] = [
    command(COMMANDS.mockInterview, (options?: unknown) =>
      this.start(typeof options === 'object' && options !== null ? (options as MockOptions) : {}),
    ),
  ];

  constructor(private readonly host: MockHost) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(VIEW_TYPES.mock, {
        // VS Code for the browser saves a page's state on a timer: a page reloaded soon after it
        // opened comes back without it. Then the run is the newest unfinished one.
        deserializeWebviewPanel: async (panel, state) => {
          const { study } = host;
          const runId = typeof (state as MockPageState | undefined)?.runId === 'string' ? (state as MockPageState).runId : undefined;
          const run =
            (runId ? study.store.mocks.get(study.bankId, runId) : undefined) ??
            study.store.mocks.list(study.bankId).find((r) => !r.finished);
          if (!run || run.finished || this.page) return panel.dispose();
          this.open(run, panel, state as MockPageState | undefined);
        },
      }),
    );
    // A page the workbench brings back is deserialized within moments of activation; after that, offer the rest.
    const timer = setTimeout(() => this.offerInterrupted(), 4000);
    this.disposables.push({ dispose: () => clearTimeout(timer) });
  }

  /**
   * A run under way when the window went (a reload, a crash) whose page the workbench did not
   * bring back (it saves its layout on a timer): the learner is offered to carry on. Its answers
   * are in storage either way.
   */
  offerInterrupted(withinMs = 30 * 60_000): void {
    const { study } = this.host;
    if (this.page) return;
    const run = study.store.mocks.list(study.bankId).find((r) => !r.finished && study.now() - r.updated < withinMs);
    if (!run) return;
    const left = run.items.filter((i) => i.rating === undefined).length;
    const goOn = vscode.l10n.t('Continue');
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t(
          'Your mock interview was interrupted with {0} of {1} questions left; your answers are kept. Continue it?',
          left,
          run.items.length,
        ),
        goOn,
      )
      .then((choice) => {
        if (choice === goOn && !this.page && !study.store.mocks.get(study.bankId, run.runId)?.finished)
          this.open(study.store.mocks.get(study.bankId, run.runId) ?? run);
      });
  }

  /** The page of the run under way, if one is open. */
  get current(): MockPage | undefined {
    return this.page;
  }

  async start(options: MockOptions = {}): Promise<MockPage | undefined> {
    const { study } = this.host;
    if (this.page) {
      this.page.panel.reveal();
      void vscode.window.showInformationMessage(
        vscode.l10n.t('A mock interview is under way: finish it, or close its page to start another.'),
      );
      return this.page;
    }
    const unfinished = study.store.mocks.list(study.bankId).find((r) => !r.finished && r.items.some((i) => study.has(i.id)));
    if (unfinished && !options.fresh) {
      const left = unfinished.items.filter((i) => i.rating === undefined).length;
      const goOn = vscode.l10n.t('Continue');
      const anew = vscode.l10n.t('Start a New One');
      const choice =
        options.sections || options.sets || options.count
          ? anew
          : await vscode.window.showInformationMessage(
              vscode.l10n.t(
                'A mock interview started {0} has {1} of {2} questions left.',
                new Date(unfinished.started).toLocaleString(vscode.env.language || 'en'),
                left,
                unfinished.items.length,
              ),
              goOn,
              anew,
            );
      if (choice === goOn) return this.open(unfinished);
      if (choice !== anew) return undefined;
    }

    const top = study.bank.sections;
    const sets = study.store.sets.all(study.bankId);
    const described = (ids: readonly string[]) =>
      vscode.l10n.t('{0} questions, {1} not done', ids.length, ids.filter((id) => !study.isDone(id)).length);
    let drawn = [...top.filter((s) => options.sections?.includes(s.id)).map((s) => study.idsUnder(s))];
    for (const name of options.sets ?? []) drawn.push([...(sets.get(name) ?? [])]);
    if (!options.sections && !options.sets) {
      // The sections, every one picked; the study sets after them, none picked.
      const picked = await vscode.window.showQuickPick(
        [
          ...top.map((s) => ({ label: s.title, description: described(study.idsUnder(s)), picked: true, ids: study.idsUnder(s) })),
          ...(sets.size
            ? [{ label: vscode.l10n.t('Study sets'), kind: vscode.QuickPickItemKind.Separator, ids: [] as readonly string[] }]
            : []),
          ...[...sets].map(([name, members]) => ({
            label: `$(bookmark) ${name}`,
            description: described([...members]),
            picked: false,
            ids: [...members] as readonly string[],
          })),
        ],
        {
          canPickMany: true,
          title: vscode.l10n.t('Mock Interview: Sections'),
          placeHolder: vscode.l10n.t('The sections to draw questions from'),
        },
      );
      if (!picked) return undefined;
      drawn = picked.map((p) => p.ids);
    }
    const ids = [...new Set(drawn.flat())].filter((id) => study.has(id));
    if (!ids.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Choose at least one section or study set with questions.'));
      return undefined;
    }
    let count = options.count;
    if (count === undefined) {
      const typed = await vscode.window.showInputBox({
        title: vscode.l10n.t('Mock Interview: Questions'),
        prompt: vscode.l10n.t('How many questions? Undone and weak ones come first. {0} minutes each.', mockMinutes()),
        value: String(Math.min(5, ids.length)),
        validateInput: (v) =>
          /^\d+$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= ids.length
            ? undefined
            : vscode.l10n.t('A whole number from 1 to {0}', ids.length),
      });
      if (typed === undefined) return undefined;
      count = Number(typed.trim());
    }
    const questions = study.mockQuestions(ids, Math.max(1, Math.min(ids.length, Math.floor(count))));
    const run = newMock({
      runId: `${Date.now().toString(36)}-${randomHex(3)}`,
      bankId: study.bankId,
      ids: questions,
      limitMs: Math.round(mockMinutes() * 60_000),
      now: study.now(),
    });
    await study.store.mocks.save(run);
    return this.open(run);
  }

  private open(run: StoredMock, panel?: vscode.WebviewPanel, revivedState?: MockPageState): MockPage {
    const webview =
      panel ??
      vscode.window.createWebviewPanel(VIEW_TYPES.mock, vscode.l10n.t('Mock Interview'), vscode.ViewColumn.Beside, {
        enableFindWidget: false,
      });
    // The page says it finished once every question is rated: the summary follows.
    const page = new MockPage(webview, { ...this.host, finished: (done) => this.showSummary(done) }, run, revivedState);
    this.page = page;
    page.onDidDispose(() => {
      if (this.page === page) this.page = undefined;
    });
    return page;
  }

  /** Shows a run's summary (every question rated, or what there is of it). */
  showSummary(run: StoredMock): void {
    const { study, reports } = this.host;
    reports.show('mock', vscode.l10n.t('Mock Interview Summary'), () =>
      mockSummary(run, { textOf: (id) => study.entry(id)?.question.text, now: study.now() }),
    );
  }

  dispose(): void {
    this.page?.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
