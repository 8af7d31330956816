// One question page: a webview beside the editor showing a question, its done state and the
// learner's notes. Messages from the page are checked before use (shared/protocol.ts).
import * as vscode from 'vscode';
import type { Study } from '../progress/study';
import { NOTE_MAX_CHARS } from '../progress/store';
import {
  isEditNoteMessage,
  parsePageMessage,
  isSafeExternalLink,
  type ExtensionMessage,
  type PageContent,
  type PageState,
  type ReviewView,
} from '../shared/protocol';
import type { ReviewSession } from '../review/session';
import { pageHtml } from './html';
import { pageStrings } from './page-strings';
import { noteHtml, renderBlocks, renderInline } from './render';
import { openCodeRef } from './code-ref';
import type { Block } from '../bank/model';
import { GuardedPanel } from './guarded-panel';
import { rate, reviewView, undoRating, type ReviewingPage } from './page-review';
import { shownId } from '../bank/ids';
import { Disposable } from '../util/disposable';
import { randomHex } from '../util/random';
import { PageFeedback, type ChatHost } from './page-feedback';

export interface PageHost {
  extensionUri: vscode.Uri;
  study: Study;
  log(message: string): void;
  /** Markdown blocks of a note, for the Preview (remark, from the worker's bundle). */
  renderNote?(text: string): Block[];
  /** Check My Answer's chat model (page-feedback.ts). */
  chat?: ChatHost;
}

export class QuestionPage extends Disposable {
  private id: string;
  /** The extension's half of the note protocol for this page. */
  private readonly receiveNote: (raw: unknown) => void;
  private readonly guard: GuardedPanel;
  private readonly feedback: PageFeedback;
  /** Where the question shown sits in the bank, for when an edit of the bank takes it away. */
  private position = 0;
  /** The page has said 'ready' (its script runs): a message posted now arrives. */
  private ready = false;
  /** The notes box should take the focus when the question is next shown (held until the page is ready). */
  private focusNotesOnShow = false;
  private readonly _onDidDispose = new vscode.EventEmitter<void>();
  readonly onDidDispose = this._onDidDispose.event;
  /** The panel is active or visible, or stopped being so. */
  readonly onDidChangeViewState: vscode.Event<void>;
  private readonly _onDidShow = this.register(new vscode.EventEmitter<string>());
  /** The page shows this question now (opened, moved on, or the bank changed under it). */
  readonly onDidShow = this._onDidShow.event;
  /** The review session this page walks through, if any. */
  private session: ReviewSession | undefined;
  private readonly _onDidEndReview = this.register(new vscode.EventEmitter<{ session: ReviewSession; finished: boolean }>());
  /** A review session ended: every question rated (`finished`), or the learner went elsewhere. */
  readonly onDidEndReview = this._onDidEndReview.event;

  constructor(
    panel: vscode.WebviewPanel,
    private readonly host: PageHost,
    id: string,
    /** Kept in the page's state: names the page across reloads. */
    readonly pageKey: string = randomHex(8),
    /** The state VS Code kept for a revived page, which only its first panel holds. */
    private revivedState?: PageState,
  ) {
    super();
    this.id = id;
    this.position = Math.max(0, host.study.position(id));
    host.study.setLastShown(id, pageKey);
    this.guard = this.register(
      new GuardedPanel(panel, {
        name: () => `The question page (${this.id})`,
        extensionUri: host.extensionUri,
        title: () => this.title(),
        html: (webview, media) => {
          this.ready = false;
          return pageHtml({
            cspSource: webview.cspSource,
            scriptUri: media.uri('page.js'),
            styleUri: media.uri('page.css'),
            codiconUri: media.uri('codicons', 'codicon.css'),
            strings: pageStrings(),
          });
        },
        panelOptions: { enableFindWidget: true },
        log: (message) => host.log(message),
      }),
    );
    this.onDidChangeViewState = this.guard.onDidChangeViewState;
    this.feedback = new PageFeedback(host, (m) => this.post(m));
    const { study } = host;
    // A keystroke's note goes from the panel straight to the extension's half of the note protocol
    // (progress/notes.ts receiver); every other message comes to handleMessage.
    this.receiveNote = study.noteReceiver(
      {
        post: (reply) => this.post(reply),
        log: (m) => host.log(m),
        refused: (id, reason) => void vscode.window.showErrorMessage(vscode.l10n.t('Your note on {0} was not saved: {1}.', id, reason)),
      },
      this,
    );
    this.register(this.guard.onDidReceiveMessage(this.receiveNote));
    this.register(this.guard.onDidReceiveMessage((raw) => isEditNoteMessage(raw) || this.handleMessage(raw)));
    this.register(this.guard.onDidClose(() => this.dispose()));
    this.register(this.guard.onDidReplace(() => this.passOnRevivedDraft()));
    this.register(
      study.onDidChangeBank(({ sameBank }) => {
        // The file was edited: the same question, or the one now at its place if it left. Another
        // bank: the question this page showed last in it, or its first.
        const { entries } = study;
        const next = sameBank
          ? study.has(this.id)
            ? this.id
            : entries[Math.min(this.position, entries.length - 1)]?.question.id
          : (study.lastShown(this.pageKey) ?? entries[0]?.question.id);
        if (next) this.show(next);
        else this.dispose();
      }),
    );
    const shows = (ids: readonly string[] | undefined) => !ids || ids.includes(this.id);
    this.register(
      study.onDidChangeProgress(({ ids }) => shows(ids) && this.post({ type: 'done', id: this.id, done: study.isDone(this.id) })),
    );
    this.register(
      study.onDidChangeReview(({ ids }) => shows(ids) && this.post({ type: 'review', id: this.id, review: this.reviewView() })),
    );
    this.register(
      study.onDidChangeNote((change) => {
        if (change.id === this.id && change.origin !== this)
          this.post({ type: 'note', id: change.id, text: change.text, stamp: change.stamp });
      }),
    );
  }

  /** The panel showing the page now (a new one replaces a panel whose page never loaded). */
  get panel(): vscode.WebviewPanel {
    return this.guard.panel;
  }

  /** Shows the page in a new panel in this one's place (what the watchdog does when a page never loads). */
  replacePanel(): void {
    this.guard.replacePanel();
  }

  /**
   * A revived page whose panel never loaded is replaced by a new panel, which has no state: a
   * draft VS Code kept in the old one's state is judged here as the page itself would have
   * judged it (sent as restored: newer wins, an older one with text of its own becomes a
   * conflict copy), so it is not lost with the panel. Once: a second new panel has nothing new.
   */
  private passOnRevivedDraft(): void {
    const state = this.revivedState;
    this.revivedState = undefined;
    const pending = state?.pending;
    if (!state || !pending || typeof pending.text !== 'string') return;
    this.handleMessage({
      type: 'editNote',
      id: pending.id,
      bankId: pending.bankId ?? state.bankId,
      text: pending.text,
      writer: pending.writer,
      revision: pending.revision,
      base: pending.base,
      restored: true,
    });
  }

  get questionId(): string {
    return this.id;
  }

  /** The notes box takes the focus when this page next shows its question (it was opened by the learner). */
  focusNotesWhenShown(): void {
    this.focusNotesOnShow = true;
  }

  /** Walks the page through a review session, from its first question. */
  startReview(session: ReviewSession): void {
    if (this.session && this.session !== session) this.endReview(false);
    this.session = session;
    this.focusNotesOnShow = false;
    if (session.current) this.show(session.current);
  }

  /** The review session this page walks through, if any. */
  get review(): ReviewSession | undefined {
    return this.session;
  }

  private endReview(finished: boolean): void {
    const session = this.session;
    if (!session) return;
    this.session = undefined;
    this._onDidEndReview.fire({ session, finished });
  }

  /** Shows a question (with the focus in its notes box when focusNotesWhenShown() asked for it). */
  show(id: string): void {
    if (!this.host.study.has(id)) return;
    // Another question than the session's next: the learner left the review (ratings so far are stored).
    if (this.session && id !== this.session.current) this.endReview(false);
    this.id = id;
    this.position = Math.max(0, this.host.study.position(id));
    this.panel.title = this.title();
    this.host.study.setLastShown(id, this.pageKey);
    this.post({ type: 'show', view: this.view(), ...(this.focusNotesOnShow ? { focusNotes: true } : {}) });
    if (this.ready) this.focusNotesOnShow = false;
    this._onDidShow.fire(id);
  }

  navigate(direction: 'previous' | 'next'): boolean {
    const target = this.host.study.neighbour(this.id, direction);
    if (!target) return false;
    this.show(target.question.id);
    return true;
  }

  private view(): PageContent {
    const { study } = this.host;
    const entry = study.entry(this.id)!;
    const index = study.position(this.id);
    const note = study.noteRecord(this.id);
    return {
      bankId: study.bankId,
      id: this.id,
      shownId: shownId(this.id),
      pageKey: this.pageKey,
      path: entry.path.map((s) => s.title),
      questionHtml: renderInline(entry.question.rich),
      text: entry.question.text,
      detailsHtml: renderBlocks(entry.question.richDetails),
      answerHtml: renderBlocks(entry.question.richAnswer),
      done: study.isDone(this.id),
      note: note.text,
      noteStamp: note.stamp,
      index: index + 1,
      total: study.entries.length,
      hasPrevious: index > 0,
      hasNext: index < study.entries.length - 1,
      noteMaxChars: NOTE_MAX_CHARS,
      review: this.reviewView(),
      ai: this.feedback.enabled,
      feedback: this.feedback.kept(this.id),
    };
  }

  /** The page's part in review (page-review.ts). */
  private get reviewing(): ReviewingPage {
    return {
      study: this.host.study,
      id: this.id,
      session: this.session,
      show: (id) => this.show(id),
      endReview: (finished) => this.endReview(finished),
      postReview: () => this.post({ type: 'review', id: this.id, review: this.reviewView() }),
      log: (m) => this.host.log(m),
    };
  }

  private reviewView(): ReviewView {
    return reviewView(this.reviewing);
  }

  /** Takes back the last rating made on this page (page-review.ts undoRating). */
  undoRating(): ReturnType<typeof undoRating> {
    return undoRating(this.reviewing);
  }

  private title(): string {
    const text = this.host.study.entry(this.id)?.question.text ?? '';
    return `${shownId(this.id)} ${text.length > 40 ? text.slice(0, 39) + '…' : text}`;
  }

  private post(message: ExtensionMessage): void {
    if (!this.isDisposed) this.guard.post(message);
  }

  /** Acts on a message from the page (a note too: tests and a revived draft send one here), after checking it: the page is not trusted. */
  handleMessage(raw: unknown): void {
    const parsed = parsePageMessage(raw);
    if (!parsed.ok) {
      this.host.log(`Ignored a message from the question page: ${parsed.reason}`);
      return;
    }
    const message = parsed.message;
    const { study } = this.host;
    if (message.type === 'ready') {
      this.guard.readyNow();
      this.ready = true;
      return this.show(this.id);
    }
    if (message.type === 'openRef') {
      void openCodeRef(message.ref, this.panel.viewColumn, (m) => this.host.log(m));
      return;
    }
    if (message.type === 'previewNote') {
      if (study.has(message.id)) this.post({ type: 'notePreview', id: message.id, seq: message.seq, html: this.previewHtml(message.text) });
      return;
    }
    if (message.type === 'openLink') {
      if (isSafeExternalLink(message.href)) void vscode.env.openExternal(vscode.Uri.parse(message.href, true));
      else this.host.log(`Refused to open a link that is not http(s): ${message.href.slice(0, 200)}`);
      return;
    }
    if (message.type === 'editNote') return this.receiveNote(raw);
    if (message.type === 'undoRating') return void this.undoRating();
    if (message.type === 'cancelFeedback') return this.feedback.cancel();
    if (message.type === 'checkAnswer') return void (message.id === this.id && this.feedback.check(message.id));
    if (!study.has(message.id)) {
      this.host.log(`Ignored a "${message.type}" message for a question not in the bank: ${message.id.slice(0, 100)}`);
      return;
    }
    switch (message.type) {
      case 'setDone':
        void study.setDone(message.id, message.done);
        break;
      case 'rate':
        rate(this.reviewing, message.id, message.rating);
        break;
      case 'navigate':
        if (message.id === this.id) this.navigate(message.direction);
        break;
    }
  }

  /** Check My Answer on the question shown (the command; the page's button sends checkAnswer). Resolves when its reply has ended. */
  checkAnswer(): Promise<void> {
    return this.feedback.check(this.id);
  }

  private previewHtml(text: string): string {
    return noteHtml(text, this.host.renderNote, (err) => this.host.log(`The note could not be previewed: ${err.message}`));
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this.feedback.cancel();
    this.endReview(false);
    super.dispose();
    this._onDidDispose.fire();
    this._onDidDispose.dispose();
  }
}
