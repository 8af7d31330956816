// The report pages: a review's summary, a mock interview's summary and the statistics. One page
// per kind, reused; its content is rendered here (report-html.ts) and set as the page's HTML,
// again when what it shows changes. A click on a question opens it (the id is checked first).
import * as vscode from 'vscode';
import { parseReportMessage } from '../shared/protocol';
import { reportHtml } from './report-html';
import { mediaOf } from './media';

export const REPORT_VIEW_TYPE = 'djangoPrep.report';

export interface ReportHost {
  extensionUri: vscode.Uri;
  log(message: string): void;
  /** Opens a question, if the bank has it; false otherwise. */
  openQuestion(id: string): boolean;
}

export type ReportKind = 'review' | 'mock' | 'statistics';

export class Reports implements vscode.Disposable {
  private readonly panels = new Map<ReportKind, { panel: vscode.WebviewPanel; listeners: vscode.Disposable[] }>();

  constructor(private readonly host: ReportHost) {}

  /**
   * Shows a report beside the editor (the same kind's page reused). `body` makes its escaped
   * content, called again whenever one of `changes` fires while the page is open.
   */
  show(kind: ReportKind, title: string, body: () => string, changes: Array<vscode.Event<unknown>> = []): vscode.WebviewPanel {
    const root = vscode.Uri.joinPath(this.host.extensionUri, 'media');
    let entry = this.panels.get(kind);
    if (!entry) {
      const panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, title, vscode.ViewColumn.Beside, { enableScripts: true, localResourceRoots: [root], enableFindWidget: true });
      panel.iconPath = vscode.Uri.joinPath(root, 'icon.svg');
      const listeners = [
        panel.webview.onDidReceiveMessage((raw) => {
          const parsed = parseReportMessage(raw);
          if (!parsed.ok) return this.host.log(`Ignored a message from a report page: ${parsed.reason}`);
          if (!this.host.openQuestion(parsed.message.id)) this.host.log(`Ignored a report page's link to a question not in the bank: ${parsed.message.id.slice(0, 100)}`);
        }),
        panel.onDidDispose(() => {
          this.panels.get(kind)?.listeners.forEach((l) => l.dispose());
          this.panels.delete(kind);
        }),
      ];
      entry = { panel, listeners };
      this.panels.set(kind, entry);
    } else {
      entry.listeners.splice(2).forEach((l) => l.dispose());
      entry.panel.reveal(entry.panel.viewColumn ?? vscode.ViewColumn.Beside);
    }
    const { panel } = entry;
    panel.title = title;
    const render = () => {
      const webview = panel.webview;
      const media = mediaOf(webview, this.host.extensionUri);
      webview.html = reportHtml({
        cspSource: webview.cspSource,
        scriptUri: media.uri('report.js'),
        styleUris: [media.uri('page.css'), media.uri('report.css')],
        codiconUri: media.uri('codicons', 'codicon.css'),
        lang: vscode.env.language || 'en',
        title,
        body: body(),
      });
    };
    render();
    // What it shows changed: drawn again, at most every half second.
    let timer: ReturnType<typeof setTimeout> | undefined;
    for (const change of changes) {
      entry.listeners.push(
        change(() => {
          if (timer) return;
          timer = setTimeout(() => {
            timer = undefined;
            if (this.panels.get(kind)?.panel === panel) render();
          }, 500);
        }),
      );
    }
    entry.listeners.push({ dispose: () => timer && clearTimeout(timer) });
    return panel;
  }

  /** The open report page of a kind, for tests and commands. */
  panel(kind: ReportKind): vscode.WebviewPanel | undefined {
    return this.panels.get(kind)?.panel;
  }

  dispose(): void {
    for (const { panel } of [...this.panels.values()]) panel.dispose();
  }
}
