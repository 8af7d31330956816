// The `browser` entry: the same extension in the browser's extension host (VS Code for the Web),
// over the web platform (platform/web.ts).
import type * as vscode from 'vscode';
import { activateOn, type ExtensionApi } from './activate';
import { webPlatform } from './platform/web';

export function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  return activateOn(context, webPlatform(context));
}

export function deactivate(): void {}
