// The `main` entry: the extension in Node's extension host (desktop VS Code, code-server), over
// the Node platform (platform/node.ts). The wiring itself is shared with the browser's entry (activate.ts).
import type * as vscode from 'vscode';
import { activateOn, flushOnDeactivate, type ExtensionApi } from './activate';
import { nodePlatform } from './platform/node';

export type { ExtensionApi } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  return activateOn(context, nodePlatform(context));
}

/** The last flush: VS Code waits for it before the extension host goes. */
export function deactivate(): Promise<void> {
  return flushOnDeactivate();
}
