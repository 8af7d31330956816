// A webview panel whose page must say 'ready': when it does not, the ReadyWatchdog sets its HTML
// again, then gives it a new panel in the same place (a new frame: VS Code's outer frame of a
// webview can wait for ever for its service worker, and nothing sent to that frame helps). The
// page's owner sees one panel throughout: `panel` is whichever is current, and the events below
// follow it.
import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';
import { MAX_RECOVERIES, READY_WITHIN_MS, ReadyWatchdog, recoveryOf } from './ready-watchdog';
import { mediaOf, type Media } from './media';

export interface GuardedPanelOptions {
  /** The page's name in the log, such as "The question page (1.10)". */
  name(): string;
  extensionUri: vscode.Uri;
  /** The panel's title as it should be now (set on the first panel and on each replacement). */
  title(): string;
  /** The page's HTML for a webview (a fresh nonce each time), its files from media/. */
  html(webview: vscode.Webview, media: Media): string;
  /** How a replacement panel is made (those of the first one). */
  panelOptions: vscode.WebviewPanelOptions & vscode.WebviewOptions;
  log(message: string): void;
}

export class GuardedPanel extends Disposable {
  private current!: vscode.WebviewPanel;
  private listeners: vscode.Disposable[] = [];
  private readonly watchdog: ReadyWatchdog;
  /** The message listeners, each subscribed to the current panel itself (below). */
  private readonly messageListeners = new Map<(raw: unknown) => void, vscode.Disposable>();
  private readonly _onDidChangeViewState = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeViewState = this._onDidChangeViewState.event;
  private readonly _onDidClose = this.register(new vscode.EventEmitter<void>());
  /** The panel was closed (by the learner, or VS Code), not replaced. */
  readonly onDidClose = this._onDidClose.event;
  private readonly _onDidReplace = this.register(new vscode.EventEmitter<void>());
  /** A new panel took the place of one whose page never said 'ready'. */
  readonly onDidReplace = this._onDidReplace.event;

  constructor(
    panel: vscode.WebviewPanel,
    private readonly options: GuardedPanelOptions,
  ) {
    super();
    this.watchdog = new ReadyWatchdog({
      visible: () => !this.isDisposed && this.current.visible,
      recover: (attempt) => this.recover(attempt),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    });
    this.attach(panel);
  }

  get panel(): vscode.WebviewPanel {
    return this.current;
  }

  /** Sets the page's HTML (a fresh nonce each time) and expects it to say 'ready'. */
  setHtml(): void {
    const { webview } = this.current;
    webview.html = this.options.html(webview, mediaOf(webview, this.options.extensionUri));
    this.watchdog.expect();
  }

  /** The page said 'ready'. */
  readyNow(): void {
    this.watchdog.readyNow();
  }

  /**
   * Listens to the page's messages, unchecked. The listener is subscribed to the panel's webview
   * itself, and to each panel that replaces it, so a message (a keystroke's note) goes to it
   * straight from VS Code.
   */
  onDidReceiveMessage(listener: (raw: unknown) => void): vscode.Disposable {
    this.messageListeners.set(listener, this.current.webview.onDidReceiveMessage(listener));
    return { dispose: () => (this.messageListeners.get(listener)?.dispose(), this.messageListeners.delete(listener)) };
  }

  post(message: unknown): void {
    if (!this.isDisposed) void this.current.webview.postMessage(message);
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.current = panel;
    // Scripts, and only media/ to load from: for new and revived panels alike.
    const media = mediaOf(panel.webview, this.options.extensionUri);
    panel.webview.options = { enableScripts: true, localResourceRoots: [media.root] };
    panel.iconPath = vscode.Uri.joinPath(media.root, 'icon.svg');
    panel.title = this.options.title();
    // The old panel's message subscriptions stay with its other listeners until it goes.
    const messages = [...this.messageListeners.keys()].map((listener) => {
      const subscription = panel.webview.onDidReceiveMessage(listener);
      this.messageListeners.set(listener, subscription);
      return subscription;
    });
    this.listeners = [
      ...messages,
      panel.onDidDispose(() => {
        if (panel === this.current) this.dispose();
      }),
      panel.onDidChangeViewState(() => {
        if (panel !== this.current) return;
        this.watchdog.visibilityChanged();
        this._onDidChangeViewState.fire();
      }),
    ];
    this.setHtml();
  }

  private recover(attempt: number): void {
    const what = this.options.name();
    if (recoveryOf(attempt) === 'html') {
      this.options.log(
        `${what} had not loaded ${READY_WITHIN_MS / 1000} s after it was shown; loading it again (${attempt} of ${MAX_RECOVERIES}).`,
      );
      this.setHtml();
      return;
    }
    this.options.log(`${what} still had not loaded; opening it in a new panel in the same place (${attempt} of ${MAX_RECOVERIES}).`);
    this.replacePanel();
  }

  /** Shows the page in a new panel in the old one's place (column, focus), and closes the old one. */
  replacePanel(): void {
    if (this.isDisposed) return;
    const old = this.current;
    const fresh = vscode.window.createWebviewPanel(
      old.viewType,
      old.title,
      { viewColumn: old.viewColumn ?? vscode.ViewColumn.Active, preserveFocus: !old.active },
      this.options.panelOptions,
    );
    // The old panel's messages are still taken until it goes (one sent as it went is not lost).
    const oldListeners = this.listeners;
    this.attach(fresh);
    old.dispose();
    for (const l of oldListeners) l.dispose();
    this._onDidReplace.fire();
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this.watchdog.dispose();
    const panel = this.current;
    for (const l of this.listeners) l.dispose();
    this.messageListeners.clear();
    this._onDidClose.fire();
    super.dispose();
    panel.dispose();
  }
}
