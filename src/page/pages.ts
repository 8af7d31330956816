// The question pages: one reused page by default, pages of their own on request, and pages that
// VS Code brings back after a reload (the serializer).
import * as vscode from 'vscode';
import { VIEW_TYPES } from '../shared/ids';
import type { PageState } from '../shared/protocol';
import { QuestionPage, type PageHost } from './page';
import type { ReviewSession } from '../review/session';

export function isPageState(v: unknown): v is PageState {
  return typeof v === 'object' && v !== null && typeof (v as PageState).id === 'string';
}

export class Pages implements vscode.Disposable, vscode.WebviewPanelSerializer<unknown> {
  private readonly pages = new Set<QuestionPage>();
  private readonly _onDidShowQuestion = new vscode.EventEmitter<string>();
  /** Some page shows this question now: the tree follows. */
  readonly onDidShowQuestion = this._onDidShowQuestion.event;
  private reusable?: QuestionPage;
  private lastActive?: QuestionPage;

  constructor(
    private readonly host: PageHost,
    private readonly reuse: () => boolean,
  ) {}

  /** Opens a question beside the active editor, in the reused page unless asked otherwise. */
  open(id: string, options: { newPage?: boolean; preserveFocus?: boolean } = {}): QuestionPage | undefined {
    if (!this.host.study.has(id)) return undefined;
    const reuse = !options.newPage && this.reuse();
    const existing = reuse ? this.reusable : undefined;
    if (existing) {
      if (!options.preserveFocus) existing.focusNotesWhenShown();
      existing.show(id);
      existing.panel.reveal(existing.panel.viewColumn, options.preserveFocus);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPES.question,
      id,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: !!options.preserveFocus },
      // Scripts and localResourceRoots are set by the page (GuardedPanel), for new and revived pages alike.
      { enableFindWidget: true },
    );
    const page = this.track(new QuestionPage(panel, this.host, id));
    if (!options.preserveFocus) page.focusNotesWhenShown();
    if (reuse) this.reusable = page;
    return page;
  }

  /**
   * Walks a page (the reused one, or a new one) through a review session. Resolves when it ends:
   * `finished` when every question was rated, not when the learner went elsewhere or closed it.
   */
  review(session: ReviewSession): Promise<{ session: ReviewSession; finished: boolean }> {
    const first = session.current;
    const page = first === undefined ? undefined : this.open(first, { preserveFocus: false });
    if (!page) return Promise.resolve({ session, finished: session.finished });
    return new Promise((resolve) => {
      const listener = page.onDidEndReview((e) => {
        if (e.session !== session) return;
        listener.dispose();
        resolve(e);
      });
      page.startReview(session);
    });
  }

  /**
   * Brings a page back after a reload, on the question it showed last. VS Code for the browser
   * saves a page's state on a timer, so a page can come back with a stale state or none: the
   * extension remembers the question each page (by the key in its state) and any page showed
   * last, in storage that survives the reload, and only failing those takes the first question.
   */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const { study } = this.host;
    const saved = isPageState(state) ? state : undefined;
    const pageKey = typeof saved?.pageKey === 'string' && /^[0-9a-f]{1,64}$/.test(saved.pageKey) ? saved.pageKey : undefined;
    const id =
      (pageKey && study.lastShown(pageKey)) ??
      (saved && study.has(saved.id) ? saved.id : undefined) ??
      study.lastShown() ??
      study.entries[0]?.question.id;
    if (!id) {
      panel.dispose();
      return;
    }
    const page = this.track(new QuestionPage(panel, this.host, id, pageKey, saved));
    if (!this.reusable) this.reusable = page;
  }

  /** The page the user is looking at, or the last one they looked at. */
  active(): QuestionPage | undefined {
    for (const page of this.pages) if (page.panel.active) return page;
    return this.lastActive;
  }

  all(): QuestionPage[] {
    return [...this.pages];
  }

  private track(page: QuestionPage): QuestionPage {
    this.pages.add(page);
    page.onDidShow((id) => this._onDidShowQuestion.fire(id));
    this.lastActive = page;
    page.onDidChangeViewState(() => {
      if (page.panel.active) this.lastActive = page;
    });
    page.onDidDispose(() => {
      this.pages.delete(page);
      if (this.reusable === page) this.reusable = undefined;
      if (this.lastActive === page) this.lastActive = [...this.pages].pop();
    });
    return page;
  }

  dispose(): void {
    for (const page of [...this.pages]) page.dispose();
    this._onDidShowQuestion.dispose();
  }
}
