// What differs between VS Code's two extension hosts, in one place: Node's (desktop, code-server)
// and the browser's web worker (VS Code for the Web). Everything else is shared (activate.ts).
import type * as vscode from 'vscode';
import type { BankPlatform } from '../bank/source';
import type { Block } from '../bank/model';
import type { JournalDir } from '../progress/journal';
import type { Study } from '../progress/study';

export interface Platform {
  readonly kind: 'node' | 'web';
  /** Files, ids and the parser for banks; files are named as `bank.io` names them. */
  bank: BankPlatform;
  /** The extension's folder and its global storage folder, named as `bank.io` names files. */
  extensionDir: string;
  globalStorageDir: string;
  /** Environment variables (DJANGO_PREP_BANK): none in the browser. */
  env: Record<string, string | undefined>;
  /** A bank file's Uri (problems, the watcher, Reveal in Bank File), and a Uri's name for `bank.io`. */
  uriOf(file: string): vscode.Uri;
  fileOf(uri: vscode.Uri): string;
  /** The bank file `djangoPrep.bankFile` names, or undefined for the bundled bank. */
  chosenBankFile(): string | undefined;
  /** What to write to `djangoPrep.bankFile` for a file: relative to the workspace folder when inside it. */
  settingValueFor(uri: vscode.Uri): string;
  /** This workspace's journal folder (shared by every window on it) and the journal of earlier versions. */
  journal(identity: string): Promise<{ dir: JournalDir }>;
  /** A note's Markdown as blocks, for its Preview. */
  renderNote(text: string): Block[];
  /** Notes as files in the workspace: followed, or a reason it cannot be done here. */
  followNotesFolder(study: Study, log: (message: string) => void): vscode.Disposable | string;
}
