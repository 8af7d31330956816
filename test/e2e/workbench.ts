// Drives a real VS Code (code-server) in Chromium with Playwright, as a person would.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { BrowserContext, Frame, Locator, Page } from 'playwright-core';

export const ROOT = resolve(__dirname, '../../..');
/** Screenshots go to test-results/ unless asked for elsewhere (`npm run screenshots` writes docs/images/). */
export const SCREENSHOTS = resolve(ROOT, process.env.DJANGO_PREP_SCREENSHOTS || 'test-results/screenshots');

interface Server {
  url: string;
  port: number;
  stop(): Promise<void>;
}
interface Harness {
  checkPrerequisites(): void;
  launchBrowser(profileDir?: string): Promise<BrowserContext>;
  tempDir(prefix: string): string;
  makeWorkspace(): string;
  linkExtension(extensionsDir: string): void;
  installVsix(extensionsDir: string): string;
  writeUserSettings(userDataDir: string, extra?: Record<string, unknown>): void;
  answerTrust(page: Page, trust: boolean, timeoutMs?: number): Promise<void>;
  trustInEditor(page: Page, timeoutMs?: number): Promise<void>;
}
interface WebHarness {
  serveWeb(o: { folder: string; port?: number }): Promise<Server>;
}
interface CodeServer {
  startCodeServer(o: {
    userDataDir: string;
    extensionsDir: string;
    folder?: string;
    port?: number;
    env?: Record<string, string>;
  }): Promise<Server>;
  freePort(): Promise<number>;
}

async function load<T>(file: string): Promise<T> {
  return (await import(pathToFileURL(join(ROOT, 'scripts', file)).href)) as T;
}

/**
 * One VS Code session: a code-server with its own user-data dir and extensions dir, and one
 * persistent browser profile (in this build workspace storage lives in the browser's IndexedDB).
 */
export interface WorkbenchOptions {
  /** A bank file to load instead of the bundled one (DJANGO_PREP_BANK). */
  bankFile?: string;
  /** Run the packaged .vsix, installed with --install-extension, instead of this checkout. */
  installed?: boolean;
  /** User settings beside the tests' own (for example the notes location). */
  settings?: Record<string, unknown>;
  /**
   * VS Code for the Web (the extension in the browser's own extension host, served by
   * @vscode/test-web, the folder mounted as vscode-test-web://mount/) instead of code-server.
   * Settings, a bank file and the installed copy are code-server's only.
   */
  web?: boolean;
  /**
   * Workspace trust is on, as for a learner: VS Code asks once per folder and the session answers
   * "Yes, I trust the authors", or with `trust: false` "No" (Restricted Mode). VS Code for the Web
   * here does not ask (its folder is trusted).
   */
  trust?: boolean;
  /** The workspace folder's own `.vscode/settings.json`, written before it is opened. */
  workspaceSettings?: Record<string, unknown>;
  /** Files written into the workspace folder before it is opened (path inside it → text). */
  workspaceFiles?: Record<string, string>;
}

/**
 * One workbench for a describe block: started before its tests, stopped after them, and before
 * each test no editor and no quick input left open by the one before.
 */
export function useWorkbench(options: WorkbenchOptions = {}): Workbench {
  const wb = new Workbench(options);
  before(() => wb.start());
  after(() => wb.stop());
  beforeEach(() => wb.closeEditors());
  return wb;
}

export class Workbench {
  page!: Page;
  /** The .vsix the session runs, when it runs the installed copy. */
  vsix?: string;
  private context!: BrowserContext;
  private server!: Server;
  private harness!: Harness;
  private codeServer!: CodeServer;
  private dir!: string;
  private folder!: string;
  private port!: number;
  /** The folder open in this tab, and the folders whose trust dialog this browser profile answered. */
  private opened!: string;
  private answered = new Set<string>();

  constructor(private readonly options: WorkbenchOptions = {}) {}

  /** A path inside the workspace folder the session opened. */
  workspacePath(name: string): string {
    return join(this.folder, name);
  }

  async start(): Promise<void> {
    this.harness = await load<Harness>('vscode-harness.mjs');
    this.codeServer = await load<CodeServer>('code-server.mjs');
    this.harness.checkPrerequisites();
    this.dir = this.harness.tempDir('ui');
    this.folder = this.harness.makeWorkspace();
    for (const [name, text] of Object.entries(this.options.workspaceFiles ?? {})) writeFileSync(join(this.folder, name), text);
    if (this.options.workspaceSettings) {
      mkdirSync(join(this.folder, '.vscode'), { recursive: true });
      writeFileSync(join(this.folder, '.vscode', 'settings.json'), JSON.stringify(this.options.workspaceSettings, null, 2));
    }
    if (this.options.web && (this.options.installed || this.options.bankFile || this.options.settings))
      throw new Error('VS Code for the Web here runs this checkout with default settings');
    if (this.options.installed) this.vsix = this.harness.installVsix(join(this.dir, 'extensions'));
    else this.harness.linkExtension(join(this.dir, 'extensions'));
    this.harness.writeUserSettings(join(this.dir, 'user-data'), this.options.settings);
    // The port stays the same across restarts: the browser keeps storage per origin.
    this.port = await this.codeServer.freePort();
    await this.startServer();
    await this.openBrowser();
  }

  private async startServer(): Promise<void> {
    if (this.options.web) {
      this.server = await (await load<WebHarness>('web-harness.mjs')).serveWeb({ folder: this.folder, port: this.port });
      return;
    }
    this.server = await this.codeServer.startCodeServer({
      userDataDir: join(this.dir, 'user-data'),
      extensionsDir: join(this.dir, 'extensions'),
      folder: this.folder,
      port: this.port,
      env: this.options.bankFile ? { DJANGO_PREP_BANK: this.options.bankFile } : {},
    });
  }

  /** The browser's last errors and failed loads in this tab, for the message of a test that fails. */
  private trail: string[] = [];

  private listen(page: Page): void {
    const trail: string[] = [];
    this.trail = trail;
    const note = (line: string) => {
      trail.push(`${new Date().toISOString().slice(11, 23)} ${line.slice(0, 300)}`);
      if (trail.length > 60) trail.shift();
    };
    // Errors and warnings, and the webviews' own account of their service worker (logged as
    // plain lines by VS Code's pre/index.html): a page whose worker never answers stays blank.
    page.on('console', (m) => {
      if (/can escape its sandboxing/.test(m.text())) return; // every webview, every time
      const worker = /service worker|controllerchange|webview/i.test(m.text());
      if (m.type() === 'error' || m.type() === 'warning' || worker) note(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (err) => note(`page error: ${err.message}`));
    page.on('requestfailed', (r) => note(`failed load: ${r.url()} (${r.failure()?.errorText ?? '?'})`));
  }

  private async openBrowser(): Promise<void> {
    this.context = await this.harness.launchBrowser(join(this.dir, 'profile'));
    this.page = this.context.pages()[0] ?? (await this.context.newPage());
    this.listen(this.page);
    this.opened = this.folder;
    await this.page.goto(this.workspaceUrl(this.folder));
    await this.ready();
  }

  /** The workbench's address for a folder (VS Code for the Web serves its one mounted folder). */
  private workspaceUrl(folder: string): string {
    return this.options.web ? this.server.url : `${this.server.url}?folder=${encodeURIComponent(folder)}`;
  }

  async ready(): Promise<void> {
    await this.page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    if (!this.options.web && !this.answered.has(this.opened)) {
      await this.harness.answerTrust(this.page, this.options.trust !== false);
      this.answered.add(this.opened);
    }
    await this.page.locator('.activitybar [aria-label^="Django Interview Prep"]').first().waitFor({ timeout: 60000 });
  }

  /** Notification toasts' texts. */
  async notifications(): Promise<string[]> {
    return this.page.$$eval('.notification-toast .notification-list-item-message', (els) => els.map((e) => e.textContent ?? ''));
  }

  async waitForNotification(pattern: RegExp, timeoutMs = 20000): Promise<string> {
    const start = Date.now();
    for (;;) {
      const found = (await this.notifications()).find((n) => pattern.test(n));
      if (found) return found;
      if (Date.now() - start > timeoutMs)
        throw new Error(`no notification matching ${pattern}; seen: ${JSON.stringify(await this.notifications())}`);
      await this.page.waitForTimeout(200);
    }
  }

  /** Shows the view without waiting for a first section (for banks that have none). */
  async showViewContainer(): Promise<void> {
    const entry = this.page.locator('.activitybar [aria-label^="Django Interview Prep"]').first();
    if (!(await entry.evaluate((el) => !!el.closest('.checked, [aria-selected="true"]')))) await entry.click();
  }

  /**
   * Another tab on the same workspace: the same browser profile (so the same browser storage),
   * but a window of its own with its own extension host, as when a learner opens the workspace
   * twice. The returned workbench drives that tab; stop() stays with the first.
   */
  async openTab(): Promise<Workbench> {
    const page = await this.context.newPage();
    const tab = Object.assign(Object.create(Workbench.prototype) as Workbench, this, { page });
    tab.listen(page);
    await page.goto(this.workspaceUrl(this.folder));
    await tab.ready();
    return tab;
  }

  /** Opens another workspace folder in this tab (same browser profile, so the same global storage). */
  async openFolder(folder: string): Promise<void> {
    if (this.options.web) throw new Error('VS Code for the Web here serves one folder');
    this.opened = folder;
    await this.page.goto(this.workspaceUrl(folder));
    await this.ready();
  }

  /** Trusts the open folder as a learner does: Manage Workspace Trust, then "Trust". */
  async trustFolder(): Promise<void> {
    await this.command('Workspaces: Manage Workspace Trust');
    await this.harness.trustInEditor(this.page);
  }

  async reloadBrowser(): Promise<void> {
    await this.page.reload();
    await this.ready();
  }

  /** Stops code-server and the browser, then starts both again on the same data. */
  async restart(): Promise<void> {
    await this.context.close();
    await this.server.stop();
    await this.startServer();
    await this.openBrowser();
  }

  async stop(): Promise<void> {
    await this.context?.close().catch(() => {});
    await this.server?.stop();
    for (const line of this.recoveries()) console.log(`      the extension said: ${line}`);
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    if (this.folder) rmSync(this.folder, { recursive: true, force: true });
  }

  /**
   * The extension's own lines about pages it had to bring up again (its Output channel, as
   * code-server's extension hosts logged it): printed when the session ends, so a run shows when
   * the watchdog stepped in even though every test passed.
   */
  private recoveries(): string[] {
    return this.extensionLog().filter((line) => /had not loaded|new panel/.test(line));
  }

  /** The lines of the extension's Output channel, as code-server's extension hosts logged them. */
  private extensionLog(): string[] {
    const logs = join(this.dir ?? '', 'user-data', 'logs');
    if (!this.dir || !existsSync(logs)) return [];
    const lines: string[] = [];
    for (const file of readdirSync(logs, { recursive: true }) as string[]) {
      if (!file.endsWith('Django Interview Prep.log')) continue;
      for (const line of readFileSync(join(logs, file), 'utf8').split('\n')) if (line.trim()) lines.push(line.trim());
    }
    return lines.sort(); // each line starts with its time; each extension host has a file of its own
  }

  /** Saves a screenshot of the window; returns the PNG's path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const path = join(SCREENSHOTS, name);
    await this.page.screenshot({ path });
    return path;
  }

  // --- the sidebar -------------------------------------------------------------------------

  get view(): Locator {
    return this.page.locator('.pane:has(.pane-header[aria-label*="Questions"]) .monaco-list').first();
  }

  /**
   * Shows the Questions view. After a reload the workbench restores the view by itself, a
   * little later than the activity bar appears, and clicking an open view's entry closes it:
   * so look first, and click only while the view is not there.
   */
  async openView(firstRow: RegExp = /^1\. /): Promise<void> {
    const entry = this.page.locator('.activitybar [aria-label^="Django Interview Prep"]').first();
    const firstSection = this.row(firstRow);
    for (let attempt = 0; attempt < 4; attempt++) {
      if (await firstSection.isVisible()) return;
      const active = await entry.evaluate((el) => !!el.closest('.checked, [aria-selected="true"]'));
      if (!active) await entry.click();
      try {
        await firstSection.waitFor({ timeout: 5000 });
        return;
      } catch {
        /* look again */
      }
    }
    await firstSection.waitFor({ timeout: 10000 });
  }

  /** A tree row by its accessible label (sections: "Title, 7 of 20 done"; questions: "1.8 Text"). */
  row(label: RegExp): Locator {
    return this.page.getByRole('treeitem', { name: label }).first();
  }

  /** The labels of the Questions view's rows on screen (not those of other lists, such as the palette's). */
  async rowLabels(): Promise<string[]> {
    return this.view.locator('.monaco-list-row[aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  }

  /** Collapses every section through the view's own Collapse All button. */
  async collapseAll(): Promise<void> {
    // The button sits in the side bar's title while the view is alone in it, else in its pane header.
    const sidebar = this.page.locator('.part.sidebar');
    await sidebar.hover();
    await sidebar.locator('.action-label.codicon-collapse-all:visible').first().click();
    await this.page.waitForFunction(() => ![...document.querySelectorAll('.monaco-list-row[aria-expanded="true"]')].length);
  }

  async expand(label: RegExp): Promise<void> {
    const row = this.row(label);
    if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
    await this.page.waitForFunction(
      (src) =>
        [...document.querySelectorAll('.monaco-list-row[aria-label]')].some(
          (e) => new RegExp(src).test(e.getAttribute('aria-label') ?? '') && e.getAttribute('aria-expanded') === 'true',
        ),
      label.source,
    );
  }

  checkbox(label: RegExp): Locator {
    return this.row(label).locator('[role="checkbox"]').first();
  }

  async isChecked(label: RegExp): Promise<boolean> {
    return (await this.checkbox(label).getAttribute('aria-checked')) === 'true';
  }

  /** Waits until a tree row with this label exists (labels carry counts, so this waits for a count). */
  async waitForRow(label: RegExp, timeoutMs = 15000): Promise<void> {
    try {
      await this.row(label).waitFor({ timeout: timeoutMs });
    } catch (err) {
      // Say what the tree showed instead: a lost tick and a slow tree fail alike otherwise.
      const rows = await this.page.locator('[role="treeitem"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
      throw new Error(`no tree row ${label} within ${timeoutMs} ms; the rows: ${JSON.stringify(rows.slice(0, 4))}`, { cause: err });
    }
  }

  // --- the question page --------------------------------------------------------------------

  /** The frame of the question page's webview, once its script has rendered a question. */
  async pageFrame(timeoutMs = 30000): Promise<Frame> {
    const start = Date.now();
    for (;;) {
      for (const frame of this.page.frames()) {
        try {
          if (await frame.$('#page[aria-busy="false"]')) return frame;
        } catch {
          /* a frame that went away */
        }
      }
      if (Date.now() - start > timeoutMs)
        throw new Error(`the question page did not appear in ${timeoutMs} ms; ${await this.whatIsHere()}`);
      await this.page.waitForTimeout(100);
    }
  }

  /** The frame of any webview (a report, the mock interview) holding this selector. */
  async frameWith(selector: string, timeoutMs = 30000): Promise<Frame> {
    const start = Date.now();
    for (;;) {
      for (const frame of this.page.frames()) {
        try {
          if (await frame.$(selector)) return frame;
        } catch {
          /* a frame that went away */
        }
      }
      if (Date.now() - start > timeoutMs) throw new Error(`no page shows ${selector}`);
      await this.page.waitForTimeout(100);
    }
  }

  private stallScript = false;

  /**
   * Makes the next webview that opens in this tab wait for ever for its service worker, as VS
   * Code's outer webview frame (pre/index.html) sometimes does in the browser: its registration
   * never settles, so the frame never makes the inner frame that holds the page. Only that one
   * frame: the flag lives on the workbench window and the first webview frame takes it.
   */
  async stallNextWebview(): Promise<void> {
    if (!this.stallScript) {
      this.stallScript = true;
      await this.page.addInitScript(() => {
        if (!/\/webview\/browser\/pre\//.test(location.pathname)) return;
        try {
          const top = window.top as (Window & { __stallNextWebview?: boolean }) | null;
          if (!top?.__stallNextWebview) return;
          top.__stallNextWebview = false;
          navigator.serviceWorker.register = () => new Promise<ServiceWorkerRegistration>(() => undefined);
        } catch {
          /* a frame of another origin: not one to stall */
        }
      });
    }
    await this.page.evaluate(() => ((window as Window & { __stallNextWebview?: boolean }).__stallNextWebview = true));
  }

  /** Whether a webview frame stalled by stallNextWebview() took the flag. */
  async stalledWebviewTaken(): Promise<boolean> {
    return this.page.evaluate(() => (window as Window & { __stallNextWebview?: boolean }).__stallNextWebview === false);
  }

  /** Every question page's frame that shows this question. */
  async pageFramesFor(id: string, count: number, timeoutMs = 30000): Promise<Frame[]> {
    const start = Date.now();
    for (;;) {
      const found: Frame[] = [];
      for (const frame of this.page.frames()) {
        try {
          if (await frame.$(`#page[aria-busy="false"][data-question-id="${id}"]`)) found.push(frame);
        } catch {
          /* a frame that went away */
        }
      }
      if (found.length >= count) return found;
      if (Date.now() - start > timeoutMs) throw new Error(`${found.length} of ${count} pages show ${id}`);
      await this.page.waitForTimeout(100);
    }
  }

  /**
   * Right-clicks a tree row and picks an item of its context menu. The workbench ignores a
   * click that comes too soon after the menu opens (seen in CI), so it waits, and checks the
   * menu closed, trying again if not.
   */
  async contextMenu(row: RegExp, item: string): Promise<void> {
    const menu = this.page.locator('.context-view .monaco-menu');
    for (let attempt = 0; attempt < 3; attempt++) {
      await this.row(row).click({ button: 'right' });
      const entry = menu.locator('.action-item', { hasText: item }).first();
      await entry.waitFor();
      await entry.hover();
      await this.page.waitForTimeout(250);
      await entry.click();
      try {
        await menu.waitFor({ state: 'detached', timeout: 3000 });
        return;
      } catch {
        await this.page.keyboard.press('Escape');
      }
    }
    throw new Error(`the context menu item "${item}" did not run`);
  }

  /**
   * Opens a question from the tree as a person would (its sections expanded first) and returns
   * the page's frame once it shows that question.
   */
  async openQuestion(sections: RegExp[], id: string): Promise<Frame> {
    await this.page.bringToFront();
    await this.page.keyboard.press('Escape'); // nothing a failed test left open stands in the way
    await this.page.mouse.move(0, 0); // nor a hover left over a checkbox ("Mark as not done"), which takes the click
    await this.openView(sections[0]);
    for (const section of sections) await this.expand(section);
    // A click that lands while the tree re-renders (a count refreshed by the extension) opens
    // nothing: look for the page, and click again if it has not come.
    const row = this.row(new RegExp(`^${id.replace(/\./g, '\\.')} `));
    for (let attempt = 1; ; attempt++) {
      await row.click();
      try {
        const [frame] = await this.pageFramesFor(id, 1, attempt < 3 ? 15000 : 30000);
        return frame;
      } catch (err) {
        if (attempt >= 3) throw new Error(`${(err as Error).message}; ${await this.whatIsHere()}`, { cause: err });
      }
    }
  }

  /**
   * What a test that found no page saw, for its message: the editor tabs, the question pages and
   * their state, the frames, the webviews' service workers and the browser's last errors; and a
   * screenshot of the window.
   */
  async whatIsHere(): Promise<string> {
    const tabs = await this.page.$$eval('.tabs-container .tab', (els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    const frames = this.page.frames().map((f) => f.url().slice(0, 120));
    const shot = await this.screenshot(`no-page-${Date.now()}.png`).catch((err: Error) => `none (${err.message})`);
    return (
      `editor tabs: ${JSON.stringify(tabs)}; the question pages here: ${JSON.stringify(await this.pageStates())}; ` +
      `frames: ${JSON.stringify(frames)}; webviews' service workers: ${JSON.stringify(await this.webviewWorkers())}; ` +
      `screenshot: ${shot}; the extension said:\n${this.extensionLog().slice(-20).join('\n')}\nthe browser said:\n${this.trail.join('\n')}`
    );
  }

  /**
   * What each webview's outer frame (VS Code's pre/index.html) knows of its service worker: the
   * worker controlling it and the registration's workers. A frame whose worker never answers
   * never makes the inner frame that holds the page.
   */
  async webviewWorkers(): Promise<unknown[]> {
    const found: unknown[] = [];
    for (const frame of this.page.frames()) {
      if (!/\/webview\/browser\/pre\//.test(frame.url())) continue;
      try {
        found.push(
          await frame.evaluate(async () => {
            const name = (w: ServiceWorker | null | undefined) => (w ? `${w.state} ${new URL(w.scriptURL).searchParams.get('id')}` : null);
            const own = new URL(location.href).searchParams.get('id');
            const registrations = await navigator.serviceWorker.getRegistrations();
            return {
              own,
              children: window.frames.length,
              controller: name(navigator.serviceWorker.controller),
              registrations: registrations.map((r) => ({
                active: name(r.active),
                waiting: name(r.waiting),
                installing: name(r.installing),
              })),
            };
          }),
        );
      } catch (err) {
        found.push(`unreadable: ${(err as Error).message.slice(0, 100)}`);
      }
    }
    return found;
  }

  /** Every question page's frame in this tab: whether its script rendered, and which question it shows. */
  async pageStates(): Promise<Array<{ busy: string | null; id: string | null }>> {
    const states: Array<{ busy: string | null; id: string | null }> = [];
    for (const frame of this.page.frames()) {
      try {
        const page = await frame.$('#page');
        if (page) states.push({ busy: await page.getAttribute('aria-busy'), id: await page.getAttribute('data-question-id') });
      } catch {
        /* a frame that went away */
      }
    }
    return states;
  }

  async pageQuestionId(): Promise<string> {
    const frame = await this.pageFrame();
    return (await frame.getAttribute('#page', 'data-question-id')) ?? '';
  }

  /** Clicks the close button of the editor tab whose label starts with this text, as a person would. */
  async closeTab(labelStart: string): Promise<void> {
    const tab = this.page.locator(`.tabs-container .tab[aria-label^="${labelStart}"]`).first();
    await tab.hover();
    await tab.locator('.codicon-close').first().click();
    await tab.waitFor({ state: 'detached' });
  }

  /** Opens a file of the workspace in the editor, through Quick Open. */
  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor();
    await input.fill(name);
    await this.page.locator('.quick-input-list .monaco-list-row').filter({ hasText: name }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator(`.tabs-container .tab[aria-label^="${name}"]`).waitFor();
  }

  /** Waits for the Questions view's description (beside its title) to read this. */
  async viewDescription(text: string, timeoutMs = 10000): Promise<void> {
    await this.page.waitForFunction(
      (t) =>
        [...document.querySelectorAll('.pane-header[aria-label*="Questions"], .part.sidebar .composite.title')].some(
          (e) => (e.getAttribute('aria-label') ?? '').includes(t) || (e.textContent ?? '').includes(t),
        ),
      text,
      { timeout: timeoutMs },
    );
  }

  /** Picks the item of the open quick pick whose label is this text (a filter, a choice). */
  async pickQuick(label: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor();
    const row = this.page
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) })
      .first();
    await row.click();
    await input.waitFor({ state: 'hidden' });
  }

  /** Closes whatever a test left open: a quick input, every editor and page. */
  async closeEditors(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.command('View: Close All Editors');
  }

  /** Runs Reset Progress and answers its dialog with this button; waits for the dialog to close. */
  async resetProgress(button: 'Clear All' | 'Back to the Bank’s Markers'): Promise<void> {
    await this.command('Django Prep: Reset Progress…');
    const dialog = this.page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: button }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /**
   * Runs a command from the palette by its title. F1 pressed while a webview holds focus reaches
   * the workbench only once the webview passes it on, and a page that loads a long note just then
   * can take focus back and close the palette: so each step is checked, and the whole tried again.
   */
  async command(title: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input.input');
    for (let attempt = 1; ; attempt++) {
      try {
        await this.page
          .locator('.monaco-workbench')
          .focus()
          .catch(() => {});
        await this.page.keyboard.press('F1');
        await input.waitFor({ timeout: 5000 });
        await input.fill(`>${title}`, { timeout: 5000 });
        await this.page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first().waitFor({ timeout: 5000 });
        await this.page.keyboard.press('Enter');
        await input.waitFor({ state: 'hidden', timeout: 10000 });
        return;
      } catch (err) {
        if (attempt >= 4) throw err;
        await this.page.keyboard.press('Escape').catch(() => {});
        await this.page.waitForTimeout(500);
      }
    }
  }
}
