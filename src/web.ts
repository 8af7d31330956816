// The `browser` entry: the same extension in the browser's extension host (VS Code for the Web),
// over the web platform (platform/web.ts).
import type * as vscode from 'vscode';
import { activateOn, flushOnDeactivate, type ExtensionApi } from './activate';
import { webPlatform } from './platform/web';

export function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  return activateOn(context, webPlatform(context));
}

/** The last flush: VS Code waits for it before the extension host goes. */
export function deactivate(): Promise<void> {
  return flushOnDeactivate();
}
