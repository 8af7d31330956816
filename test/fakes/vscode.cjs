// A minimal fake of the 'vscode' API: just what activate(), the tree and the page touch, so the
// bench can time them in plain Node. It records nothing and shows nothing.
'use strict';
class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (l) => {
      this.listeners.add(l);
      return { dispose: () => this.listeners.delete(l) };
    };
  }
  fire(e) {
    for (const l of this.listeners) l(e);
  }
  dispose() {
    this.listeners.clear();
  }
}
const disposable = () => ({ dispose() {} });
const event = () => disposable();
class Uri {
  constructor(fsPath) {
    this.fsPath = fsPath;
    this.scheme = 'file';
    this.path = fsPath;
  }
  static file(p) {
    return new Uri(p);
  }
  static joinPath(base, ...parts) {
    return new Uri(require('node:path').join(base.fsPath, ...parts));
  }
  static parse(s) {
    return new Uri(s);
  }
  toString() {
    return `file://${this.fsPath}`;
  }
}
class TreeItem {
  constructor(label, collapsibleState) {
    this.label = label;
    this.collapsibleState = collapsibleState;
  }
}
class MarkdownString {
  constructor(value = '') {
    this.value = value;
  }
  appendText(t) {
    this.value += t.replace(/[\\`*_{}[\]()#+\-.!]/g, '\\$&');
    return this;
  }
  appendMarkdown(t) {
    this.value += t;
    return this;
  }
}
class ThemeIcon {
  constructor(id) {
    this.id = id;
  }
}
function fakeWebviewPanel(viewType, title) {
  const posted = [];
  return {
    viewType,
    title,
    active: true,
    viewColumn: 2,
    iconPath: undefined,
    posted,
    webview: {
      options: {},
      html: '',
      cspSource: 'https://webview.fake',
      asWebviewUri: (u) => u,
      onDidReceiveMessage: event,
      postMessage: (m) => {
        posted.push(JSON.stringify(m));
        return Promise.resolve(true);
      },
    },
    visible: true,
    onDidDispose: event,
    onDidChangeViewState: event,
    reveal() {},
    dispose() {},
  };
}
const FakeDisposable = {
  from: (...items) => ({ dispose: () => items.forEach((d) => d.dispose()) }),
};
/** vscode.l10n with no bundle: the message itself, with {0}, {1}… filled in. */
const l10n = {
  bundle: undefined,
  t: (message, ...args) => String(message).replace(/\{(\d+)\}/g, (m, i) => (args[Number(i)] === undefined ? m : String(args[Number(i)]))),
};
module.exports = {
  Disposable: FakeDisposable,
  l10n,
  // The Language Model API is absent, as in VS Code before 1.90; a test puts a fake one here
  // (the keys exist so a bundle's import of 'vscode' sees what the test sets later).
  lm: undefined,
  LanguageModelChatMessage: undefined,
  CancellationTokenSource: undefined,
  EventEmitter,
  Uri,
  TreeItem,
  MarkdownString,
  ThemeIcon,
  ThemeColor: class ThemeColor {
    constructor(id) {
      this.id = id;
    }
  },
  Range: class Range {
    constructor(startLine, startCharacter, endLine, endCharacter) {
      Object.assign(this, { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } });
    }
  },
  Diagnostic: class Diagnostic {
    constructor(range, message, severity) {
      Object.assign(this, { range, message, severity });
    }
  },
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  RelativePattern: class RelativePattern {
    constructor(base, pattern) {
      Object.assign(this, { base, pattern });
    }
  },
  StatusBarAlignment: { Left: 1, Right: 2 },
  ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  QuickPickItemKind: { Separator: -1, Default: 0 },
  languages: {
    createDiagnosticCollection: () => ({ set() {}, clear() {}, delete() {}, dispose() {} }),
  },
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  TreeItemCheckboxState: { Unchecked: 0, Checked: 1 },
  ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
  window: {
    createOutputChannel: () => ({ appendLine() {}, show() {}, dispose() {} }),
    createTreeView: () => ({
      onDidChangeCheckboxState: event,
      onDidExpandElement: event,
      onDidCollapseElement: event,
      reveal: () => Promise.resolve(),
      visible: true,
      selection: [],
      description: undefined,
      dispose() {},
    }),
    createStatusBarItem: () => ({ text: '', tooltip: undefined, show() {}, hide() {}, dispose() {} }),
    registerWebviewPanelSerializer: disposable,
    createWebviewPanel: fakeWebviewPanel,
    showWarningMessage: () => Promise.resolve(undefined),
    showErrorMessage: () => Promise.resolve(undefined),
    showInformationMessage: () => Promise.resolve(undefined),
  },
  commands: { registerCommand: disposable, executeCommand: () => Promise.resolve() },
  workspace: {
    getConfiguration: () => ({ get: (_k, d) => d, inspect: () => undefined, update: () => Promise.resolve() }),
    workspaceFolders: [],
    workspaceFile: undefined,
    onDidChangeConfiguration: event,
    onDidSaveTextDocument: event,
    onDidGrantWorkspaceTrust: event,
    isTrusted: true,
    createFileSystemWatcher: () => ({ onDidChange: event, onDidCreate: event, onDidDelete: event, dispose() {} }),
  },
  env: { language: 'en', openExternal: () => Promise.resolve(true) },
  fakeWebviewPanel,
};
