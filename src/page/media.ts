// The extension's media folder as a page sees it: the only folder a page may load from, and the
// webview URIs of the files in it (scripts, styles, codicons).
import * as vscode from 'vscode';

export interface Media {
  /** The folder, for the page's localResourceRoots. */
  root: vscode.Uri;
  /** A file of media/ as this page loads it. */
  uri(...path: string[]): string;
}

export function mediaOf(webview: vscode.Webview, extensionUri: vscode.Uri): Media {
  const root = vscode.Uri.joinPath(extensionUri, 'media');
  return { root, uri: (...path) => webview.asWebviewUri(vscode.Uri.joinPath(root, ...path)).toString() };
}
