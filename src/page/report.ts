// The report pages: a review's summary, a mock interview's summary and the statistics. One page
// per kind, reused; its content is rendered here (report-html.ts) and set as the page's HTML,
// again when what it shows changes. A click on a question opens it (the id is checked first).
import * as vscode from 'vscode';
import { VIEW_TYPES } from '../shared/ids';
import { parseReportMessage } from '../shared/protocol';
import { reportHtml } from './report-html';
import { GuardedPanel } from './guarded-panel';

export interface ReportHost {
  extensionUri: vscode.Uri;
  log(message: string): void;
  /** Opens a question, if the bank has it; false otherwise. */
  openQuestion(id: string): boolean;
  /** The review summary's "Undo last rating" was clicked. */
  undoRating(): void;
}

export type ReportKind = 'review' | 'mock' | 'statistics';

interface Report {
  guard: GuardedPanel;
  title: string;
  body: () => string;
  /** Listeners of what the page shows, replaced when the page is shown again. */
  changes: vscode.Disposable[];
}

export class Reports implements vscode.Disposable {
  private readonly reports = new Map<ReportKind, Report>();

  constructor(private readonly host: ReportHost) {}

  /**
   * Shows a report beside the editor (the same kind's page reused). `body` makes its escaped
   * content, called again whenever one of `changes` fires while the page is open.
   */
  show(kind: ReportKind, title: string, body: () => string, changes: Array<vscode.Event<unknown>> = []): vscode.WebviewPanel {
    let report = this.reports.get(kind);
    if (report) {
      report.changes.splice(0).forEach((l) => l.dispose());
      Object.assign(report, { title, body });
      report.guard.panel.reveal(report.guard.panel.viewColumn ?? vscode.ViewColumn.Beside);
      report.guard.panel.title = title;
      report.guard.setHtml();
    } else {
      const panel = vscode.window.createWebviewPanel(VIEW_TYPES.report, title, vscode.ViewColumn.Beside, { enableFindWidget: true });
      // The guard sets the HTML as it is made, from the report's title and body: those come first.
      const made = { title, body, changes: [] } as Omit<Report, 'guard'> as Report;
      made.guard = new GuardedPanel(panel, {
        name: () => `The report page (${kind})`,
        extensionUri: this.host.extensionUri,
        title: () => made.title,
        html: (webview, media) =>
          reportHtml({
            cspSource: webview.cspSource,
            scriptUri: media.uri('report.js'),
            styleUris: [media.uri('page.css'), media.uri('report.css')],
            codiconUri: media.uri('codicons', 'codicon.css'),
            lang: vscode.env.language || 'en',
            title: made.title,
            body: made.body(),
          }),
        panelOptions: { enableFindWidget: true },
        log: (message) => this.host.log(message),
      });
      report = made;
      made.guard.onDidReceiveMessage((raw) => {
        const parsed = parseReportMessage(raw);
        if (!parsed.ok) return this.host.log(`Ignored a message from a report page: ${parsed.reason}`);
        if (parsed.message.type === 'ready') return made.guard.readyNow();
        if (parsed.message.type === 'undoRating') return this.host.undoRating();
        if (!this.host.openQuestion(parsed.message.id))
          this.host.log(`Ignored a report page's link to a question not in the bank: ${parsed.message.id.slice(0, 100)}`);
      });
      made.guard.onDidClose(() => {
        made.changes.splice(0).forEach((l) => l.dispose());
        if (this.reports.get(kind) === made) this.reports.delete(kind);
      });
      this.reports.set(kind, made);
    }
    // What it shows changed: drawn again, at most every half second.
    const shown = report;
    let timer: ReturnType<typeof setTimeout> | undefined;
    for (const change of changes) {
      shown.changes.push(
        change(() => {
          if (timer) return;
          timer = setTimeout(() => {
            timer = undefined;
            if (this.reports.get(kind) === shown) shown.guard.setHtml();
          }, 500);
        }),
      );
    }
    shown.changes.push({ dispose: () => timer && clearTimeout(timer) });
    return shown.guard.panel;
  }

  /** Closes the report page of a kind, if open. */
  close(kind: ReportKind): void {
    this.reports.get(kind)?.guard.dispose();
  }

  /** The open report page of a kind, for tests and commands. */
  panel(kind: ReportKind): vscode.WebviewPanel | undefined {
    return this.reports.get(kind)?.guard.panel;
  }

  dispose(): void {
    for (const { guard } of [...this.reports.values()]) guard.dispose();
  }
}
