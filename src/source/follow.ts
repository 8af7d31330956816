// Follows the bank file: the one `djangoPrep.bankFile` names (switched when the setting changes)
// and its edits (saved in the editor or changed on disk), each read again within a second and
// given to the study, which keeps ticks and notes by bank and question id. The parser's problems
// are diagnostics on the file, where its author looks.
import * as vscode from 'vscode';
import { bankSource } from '../bank/source';
import { baseName } from '../bank/io';
import type { Platform } from '../platform/platform';
import { BUNDLED_BANK_ID } from '../bank/bundled';
import { loadBankFile, type LoadedBank } from '../bank/load';
import type { Study } from '../progress/study';
import { Disposable } from '../util/disposable';
import { CONTEXT_KEYS } from '../shared/ids';
import { settingId } from './settings';

/** A burst of file events (a save writes, renames, touches) is read once, this long after the last. */
const SETTLE_MS = 150;

export interface FollowOptions {
  platform: Platform;
  log(message: string): void;
}

export class BankFollower extends Disposable {
  readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('djangoPrep'));
  private watcher: vscode.Disposable | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Loads in flight are numbered: only the latest one is shown. */
  private generation = 0;
  private readonly _onDidLoad = this.register(new vscode.EventEmitter<LoadedBank>());
  /** A bank was read (switched or edited) and shown: for tests and the status. */
  readonly onDidLoad = this._onDidLoad.event;

  constructor(
    private readonly study: Study,
    private readonly o: FollowOptions,
    private loaded: LoadedBank,
  ) {
    super();
    this.publish(loaded);
    this.watch(loaded.file);
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(settingId('bankFile'))) void this.reload();
      }),
    );
    this.register(
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (doc.uri.toString() === this.o.platform.uriOf(this.loaded.file).toString()) this.soon();
      }),
    );
    this.register({ dispose: () => (this.watcher?.dispose(), this.timer && clearTimeout(this.timer)) });
  }

  /** The bank shown now. */
  get current(): LoadedBank {
    return this.loaded;
  }

  /** Reads the bank the setting names (or the bundled one) and shows it. */
  async reload(): Promise<void> {
    const generation = ++this.generation;
    const { platform } = this.o;
    const source = bankSource({ ...platform, chosenFile: platform.chosenBankFile() });
    const loaded = await loadBankFile(source.file, source.load);
    if (generation !== this.generation || this.isDisposed) return;
    const sameBank = source.bankId === this.study.bankId;
    if (loaded.error && sameBank && !this.loaded.error) {
      // The file went away or cannot be read for a moment (a save in progress, a checkout): the
      // bank stays as it was read last; the message says why.
      this.o.log(loaded.error);
      this.publish(loaded);
      return;
    }
    this.loaded = loaded;
    this.study.replaceBank(source.bankId, loaded.bank);
    const which = source.bankId === BUNDLED_BANK_ID ? 'the bundled bank' : loaded.file;
    const counts = `${this.study.entries.length} questions, ${loaded.bank.problems.length} problem(s)`;
    this.o.log(`${sameBank ? 'Read again' : 'Switched to'} ${which}: ${counts}.`);
    if (loaded.error) void vscode.window.showErrorMessage(loaded.error);
    this.publish(loaded);
    this.watch(loaded.file);
    this._onDidLoad.fire(loaded);
  }

  /** Problems as diagnostics on the bank file (none for the bundled bank: it is not the learner's to fix). */
  private publish(loaded: LoadedBank): void {
    this.diagnostics.clear();
    const state = loaded.error ? 'broken' : this.study.entries.length ? 'ok' : 'empty';
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.bankState, state);
    // Why an empty bank is empty, for the view's welcome text (a message line would hide it and its buttons).
    const why = state === 'empty' ? (loaded.bank.noQuestions ?? 'none') : '';
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.emptyBank, why);
    if (this.study.bankId === BUNDLED_BANK_ID && !loaded.error) return;
    const problems = loaded.error ? [{ line: 1, message: loaded.error }] : loaded.bank.problems;
    this.diagnostics.set(
      this.o.platform.uriOf(loaded.file),
      problems.map((p) => {
        const d = new vscode.Diagnostic(new vscode.Range(p.line - 1, 0, p.line - 1, 10_000), p.message, vscode.DiagnosticSeverity.Warning);
        d.source = vscode.l10n.t('Question bank');
        return d;
      }),
    );
  }

  /** Watches the bank file for changes made outside the editor (and inside: a save is a change too). */
  private watch(file: string): void {
    this.watcher?.dispose();
    this.watcher = undefined;
    if (this.study.bankId === BUNDLED_BANK_ID) return;
    const watcher = vscode.workspace.createFileSystemWatcher(
      new vscode.RelativePattern(vscode.Uri.joinPath(this.o.platform.uriOf(file), '..'), baseName(file)),
    );
    watcher.onDidChange(() => this.soon());
    watcher.onDidCreate(() => this.soon());
    watcher.onDidDelete(() => this.soon());
    this.watcher = watcher;
  }

  private soon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.reload();
    }, SETTLE_MS);
  }
}
