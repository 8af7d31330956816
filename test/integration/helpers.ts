// What the extension-host tests share: the extension's API and waiting for a condition.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';

export const EXTENSION_ID = 'interview-prep.django-interview-prep';

/** The running extension's API (activating it if it is not yet). */
export async function api(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is loaded`);
  return ext.isActive ? ext.exports : await ext.activate();
}

/** Polls until check() holds, or fails naming what it waited for (and what was logged meanwhile, when given). */
export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10000, logged?: string[]): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs)
      throw new Error(`timed out waiting for ${what}${logged ? `; logged: ${JSON.stringify(logged)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** What the extension posts to a page's panel from now on, of one message type (its messages, as posted). */
export function postedTo<M extends { type: string }>(panel: vscode.WebviewPanel, type: M['type']): M[] {
  const posted: M[] = [];
  const webview = panel.webview;
  const post = webview.postMessage.bind(webview);
  webview.postMessage = (m: unknown) => {
    if ((m as { type?: unknown })?.type === type) posted.push(m as M);
    return post(m);
  };
  return posted;
}
