// The mock interview page: one question at a time against a countdown, answered in a box of its
// own (written to the run's record as typed; the question's notes are never touched), then the
// learner's earlier notes and the bank's answer, then a rating (an FSRS review like any other).
// The run's record is the truth: a page reloaded or revived after a reload carries on from it.
import * as vscode from 'vscode';
import type { Study } from '../progress/study';
import type { Block } from '../bank/model';
import { parseMockMessage, type MockExtensionMessage, type MockPageMessage, type MockPageState, type MockView } from '../shared/protocol';
import {
  currentIndex,
  judgeDraft,
  MOCK_ANSWER_MAX_CHARS,
  mockChanges,
  phaseOf,
  timeTaken,
  type MockItem,
  type StoredMock,
} from '../review/mock';
import { ratingIntervals } from '../review/words';
import { mockHtml } from './mock-html';
import { noteHtml, renderBlocks, renderInline } from './render';
import { GuardedPanel } from './guarded-panel';
import { Disposable } from '../util/disposable';

export interface MockPageHost {
  extensionUri: vscode.Uri;
  study: Study;
  log(message: string): void;
  renderNote?(text: string): Block[];
  /** Every question of the run was rated. */
  finished(run: StoredMock): void;
}

export class MockPage extends Disposable {
  private run: StoredMock;
  private readonly guard: GuardedPanel;
  private readonly _onDidDispose = new vscode.EventEmitter<void>();
  readonly onDidDispose = this._onDidDispose.event;

  constructor(
    panel: vscode.WebviewPanel,
    private readonly host: MockPageHost,
    run: StoredMock,
    /** The state VS Code kept for a revived page, which only its first panel holds. */
    private revivedState?: MockPageState,
  ) {
    super();
    this.run = run;
    this.guard = this.register(
      new GuardedPanel(panel, {
        name: () => 'The mock interview page',
        extensionUri: host.extensionUri,
        title: () => vscode.l10n.t('Mock Interview'),
        html: (webview, media) =>
          mockHtml({
            cspSource: webview.cspSource,
            scriptUri: media.uri('mock.js'),
            styleUri: media.uri('page.css'),
            codiconUri: media.uri('codicons', 'codicon.css'),
            lang: vscode.env.language || 'en',
          }),
        panelOptions: { enableFindWidget: false },
        log: (message) => host.log(message),
      }),
    );
    this.register(this.guard.onDidReceiveMessage((raw) => this.handleMessage(raw)));
    this.register(this.guard.onDidClose(() => this.dispose()));
    this.register(this.guard.onDidReplace(() => this.passOnRevivedDraft()));
  }

  /** The panel showing the page now (a new one replaces a panel whose page never loaded). */
  get panel(): vscode.WebviewPanel {
    return this.guard.panel;
  }

  /**
   * A revived page whose panel never loaded is replaced by a new panel, which has no state: an
   * answer VS Code kept in the old one's state is judged here as the page would have judged it.
   */
  private passOnRevivedDraft(): void {
    const pending = this.revivedState?.pending;
    const runId = this.revivedState?.runId;
    this.revivedState = undefined;
    if (!pending || runId !== this.run.runId || typeof pending.text !== 'string') return;
    this.handleMessage({ type: 'answer', runId, index: pending.index, text: pending.text, base: pending.base ?? 0, restored: true });
  }

  get runId(): string {
    return this.run.runId;
  }

  /** The run as it stands (for tests and the summary). */
  get record(): StoredMock {
    return this.run;
  }

  /**
   * Stores the run as it is now. A write that fails is not turned into success: Storage keeps
   * it, retries it until it lands and the status bar says it is not saved (notify/saving.ts);
   * an answer's own save is answered to the page (saved or failed, below).
   */
  private save(next: StoredMock): void {
    if (next === this.run) return;
    this.run = next;
    this.host.study.store.mocks
      .save(next)
      .catch((err: Error) => this.host.log(`The mock interview is not saved yet, and is retried: ${err.message}`));
  }

  /** Shows the question the run is at; a question whose time ran out while the page was away moves on to its rating. */
  private show(): void {
    const index = currentIndex(this.run);
    if (index === undefined) return this.finish();
    const now = this.host.study.now();
    this.save(mockChanges.shown(this.run, index, now));
    const item = this.run.items[index];
    if (phaseOf(item) === 'answer' && now >= item.shownAt! + this.run.limitMs)
      this.save(mockChanges.finished(this.run, index, item.shownAt! + this.run.limitMs));
    this.post({ type: 'show', view: this.view(index) });
  }

  private view(index: number): MockView {
    const { study } = this.host;
    const item = this.run.items[index];
    const entry = study.entry(item.id);
    const now = study.now();
    const phase = phaseOf(item);
    const lang = vscode.env.language || 'en';
    return {
      runId: this.run.runId,
      index,
      count: this.run.items.length,
      id: item.id,
      questionHtml: entry ? renderInline(entry.question.rich) : '',
      text: entry?.question.text ?? item.id,
      detailsHtml: entry ? renderBlocks(entry.question.richDetails) : '',
      phase,
      shownAt: item.shownAt ?? now,
      limitMs: this.run.limitMs,
      now,
      ...(phase === 'rate' ? { takenMs: timeTaken(item, now) } : {}),
      answer: item.answer,
      answerRev: item.rev ?? 0,
      answerMaxChars: MOCK_ANSWER_MAX_CHARS,
      // Only once answered: the earlier notes and the bank's answer would give it away.
      earlierNoteHtml:
        phase === 'rate'
          ? noteHtml(study.getNote(item.id), this.host.renderNote, (err) => this.host.log(`The note could not be shown: ${err.message}`))
          : '',
      answerHtml: phase === 'rate' && entry ? renderBlocks(entry.question.richAnswer) : '',
      intervals: ratingIntervals(study.review(item.id)?.card, now, lang),
    };
  }

  private post(message: MockExtensionMessage): void {
    if (!this.isDisposed) this.guard.post(message);
  }

  /** Acts on a message from the page, after checking it: the page is not trusted. */
  handleMessage(raw: unknown): void {
    const parsed = parseMockMessage(raw);
    if (!parsed.ok) return this.host.log(`Ignored a message from the mock interview page: ${parsed.reason}`);
    const m = parsed.message;
    if (m.type === 'ready') {
      this.guard.readyNow();
      return this.show();
    }
    if (m.runId !== this.run.runId || !this.run.items[m.index])
      return this.host.log(`Ignored a mock interview message for another run or question: ${m.runId.slice(0, 40)} ${m.index}`);
    const now = this.host.study.now();
    const item = this.run.items[m.index];
    switch (m.type) {
      case 'answer':
        return this.answer(m, item, now);
      case 'finish':
        if (m.index !== currentIndex(this.run)) return;
        this.save(mockChanges.finished(this.run, m.index, Math.min(now, (item.shownAt ?? now) + this.run.limitMs)));
        return this.show();
      case 'rate':
        if (m.index !== currentIndex(this.run) || phaseOf(item) !== 'rate') return;
        this.save(mockChanges.rated(this.run, m.index, m.rating, now));
        this.host.study
          .rate(item.id, m.rating)
          .catch((err: Error) => this.host.log(`The rating of ${item.id} is not saved yet, and is retried: ${err.message}`));
        return this.show();
    }
  }

  /** A typed answer: too large is refused; a draft brought back after a reload is judged; else saved. */
  private answer(m: Extract<MockPageMessage, { type: 'answer' }>, item: MockItem, now: number): void {
    if (m.text.length > MOCK_ANSWER_MAX_CHARS) {
      this.post({
        type: 'rejected',
        message: vscode.l10n.t('answer is too large ({0} characters; the limit is {1})', m.text.length, MOCK_ANSWER_MAX_CHARS),
      });
      return;
    }
    // A draft the page brought back after a reload may be older than the stored answer (the
    // workbench saves a page's state on a timer): judged, never saved over a newer answer.
    if (m.restored) {
      const verdict = judgeDraft(item, m);
      if (verdict !== 'take') {
        if (verdict === 'keep') {
          this.save(mockChanges.keptDraft(this.run, m.index, m.text, now));
          this.host.log(`A mock interview answer brought back after a reload differed from the stored one; both are kept.`);
        }
        this.post({ type: 'kept', runId: m.runId, index: m.index, text: item.answer, rev: item.rev ?? 0 });
        return;
      }
    }
    // Live typing always wins (it is what the learner sees), even after the rating (a late keystroke).
    this.save(mockChanges.answered(this.run, m.index, m.text, now));
    const rev = this.run.items[m.index].rev ?? 0;
    void this.host.study.store.flush().then(
      () => this.post({ type: 'saved', runId: m.runId, index: m.index, length: m.text.length, rev }),
      (err: Error) => this.post({ type: 'failed', runId: m.runId, index: m.index, message: err.message }),
    );
    return;
  }

  private finish(): void {
    this.host.finished(this.run);
    this.dispose();
  }

  override dispose(): void {
    if (this.isDisposed) return;
    super.dispose();
    this._onDidDispose.fire();
    this._onDidDispose.dispose();
  }
}
