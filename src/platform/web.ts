// The browser's extension host (VS Code for the Web: vscode.dev, github.dev, any web build):
// files through vscode.workspace.fs and Uris, a Web Worker made from the bundled parser, SHA-256
// by crypto.subtle, the journal in global storage through workspace.fs, notes as files inside
// the workspace folder through workspace.fs (a folder outside it cannot be reached from here,
// and the learner is told so).
import * as vscode from 'vscode';
import type { Platform } from './platform';
import type { BankIo } from '../bank/io';
import type { BankPlatform } from '../bank/source';
import type { JournalDir } from '../progress/journal';
import { repliedLines, type WorkerMore, type WorkerReply, type WorkerRequest } from '../bank/worker-protocol';
import { followNotesFolder, type NoteFiles } from '../source/notes-folder';
import { bankFileBase, pathSetting } from '../source/settings';
import { notesRootIn } from '../progress/note-files';

const uri = (file: string) => vscode.Uri.parse(file, true);

/** The parser's bundle, as it exports (bank/worker.ts). */
type ParserModule = typeof import('../bank/worker');

/**
 * The parser's bundle (dist/bank-worker.js) evaluated on this thread, for the notes' Preview and
 * for a bank when no Web Worker starts: so remark is not carried a second time in this bundle.
 * Evaluated as VS Code evaluates a browser extension (a function of module, exports and require),
 * with the bundle's two thread halves kept quiet: no WorkerGlobalScope (its Web Worker half would
 * take over this thread's messages) and a require that says this is the main thread.
 */
function inThreadParser(workerFile: string): { ready: Promise<ParserModule>; now(): ParserModule | undefined } {
  let loaded: ParserModule | undefined;
  const ready = (async () => {
    const source = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri(workerFile)));
    const module = { exports: {} as ParserModule };
    const run = new Function('module', 'exports', 'require', 'WorkerGlobalScope', source) as (...args: unknown[]) => void;
    run(module, module.exports, () => ({ isMainThread: true }), undefined);
    return (loaded = module.exports);
  })();
  ready.catch(() => undefined); // each use awaits it and is told why
  return { ready, now: () => loaded };
}

/** The Web Worker of the browser's extension host (the project's types are Node's). */
declare const Worker: new (url: string) => {
  onmessage: ((e: { data: WorkerReply }) => void) | null;
  onerror: ((e: { message: string }) => void) | null;
  postMessage(message: unknown): void;
  terminate(): void;
};

/** A file-system error as the loader names them (ENOENT, EISDIR…). */
function withCode(err: unknown): Error {
  const e = err instanceof Error ? err : new Error(String(err));
  const code = (err as { code?: string })?.code;
  const codes: Record<string, string> = { FileNotFound: 'ENOENT', FileIsADirectory: 'EISDIR', NoPermissions: 'EACCES' };
  if (code && codes[code]) (e as Error & { code: string }).code = codes[code];
  return e;
}

async function sha256(parts: ReadonlyArray<string | Uint8Array>): Promise<string> {
  const chunks = parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : p));
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  const digest = await globalThis.crypto.subtle.digest('SHA-256', all);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** FNV-1a, 64 bits, as hex: a bank file's storage id must be known at once (subtle is async). */
function fnv64(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= BigInt(byte);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

const webIo: BankIo = {
  async size(file) {
    try {
      const info = await vscode.workspace.fs.stat(uri(file));
      if (info.type & vscode.FileType.Directory) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
      return info.size;
    } catch (err) {
      throw withCode(err);
    }
  },
  async read(file) {
    try {
      return await vscode.workspace.fs.readFile(uri(file));
    } catch (err) {
      throw withCode(err);
    }
  },
  async write(file, bytes) {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri(file), '..'));
    await vscode.workspace.fs.writeFile(uri(file), bytes);
  },
  join: (dir, name) => vscode.Uri.joinPath(uri(dir), ...name.split('/')).toString(),
  sha256,
  parseInWorker: webWorkerLines,
};

/** Runs the bundled parser in a Web Worker made from its text (a blob: a worker's URL must be same-origin). */
async function* webWorkerLines(workerFile: string, request: WorkerRequest): AsyncGenerator<string> {
  const source = await vscode.workspace.fs.readFile(uri(workerFile));
  // The bundle is CommonJS (Node requires it too): give it the module object it assigns to.
  const url = URL.createObjectURL(
    new Blob(['var module = { exports: {} }, exports = module.exports;\n', source], { type: 'text/javascript' }),
  );
  const worker = new Worker(url);
  try {
    yield* repliedLines((reply, fail) => {
      worker.onmessage = (e) => reply(e.data);
      worker.onerror = (e) => fail(new Error(`the parser worker failed: ${e.message}`));
      worker.postMessage(request);
      return () => worker.postMessage({ more: true } satisfies WorkerMore);
    });
  } finally {
    worker.terminate();
    URL.revokeObjectURL(url);
  }
}

/**
 * The journal's folder through workspace.fs. There is no append: a window rewrites its own file
 * whole (no other window writes it), so it is compacted early, and readers take whole lines from
 * where they stopped.
 *
 * In the browser, global storage is VS Code's IndexedDB file system, whose folder listing is a
 * tree each window builds once and then updates only with its own writes: a file another tab
 * creates later is never listed, though it can be read. So the names the watcher reports (the
 * file system tells every tab of another's writes) are kept and listed too.
 */
export function webJournalDir(dir: vscode.Uri): JournalDir {
  const fs = vscode.workspace.fs;
  const ready = Promise.resolve(fs.createDirectory(dir)).catch(() => undefined);
  const decoder = new TextDecoder();
  const texts = new Map<string, string>();
  /** Files of this folder the watcher reported, which the listing may not show. */
  const reported = new Set<string>();
  const nameIn = (u: vscode.Uri) => {
    const name = u.path.slice(u.path.lastIndexOf('/') + 1);
    return u.path.slice(0, u.path.length - name.length - 1) === dir.path.replace(/\/$/, '') ? name : undefined;
  };
  return {
    compactAt: 256 * 1024,
    async list() {
      await ready;
      const listed = (await fs.readDirectory(dir)).filter(([, type]) => type === vscode.FileType.File).map(([name]) => name);
      return [...new Set([...listed, ...reported])];
    },
    async read(name, from) {
      let text: string;
      try {
        text = decoder.decode(await fs.readFile(vscode.Uri.joinPath(dir, name)));
      } catch {
        return undefined;
      }
      const start = text.length < from ? 0 : from;
      const last = text.lastIndexOf('\n');
      return last < start ? { text: '', end: start } : { text: text.slice(start, last + 1), end: last + 1 };
    },
    async append(name, text) {
      await ready;
      let current = texts.get(name);
      if (current === undefined)
        current = await fs.readFile(vscode.Uri.joinPath(dir, name)).then(
          (b) => decoder.decode(b),
          () => '',
        );
      const next = current + text;
      texts.set(name, next);
      await fs.writeFile(vscode.Uri.joinPath(dir, name), new TextEncoder().encode(next));
    },
    async create(name, text) {
      await ready;
      texts.set(name, text);
      await fs.writeFile(vscode.Uri.joinPath(dir, name), new TextEncoder().encode(text));
    },
    async remove(name) {
      texts.delete(name);
      await Promise.resolve(fs.delete(vscode.Uri.joinPath(dir, name))).catch(() => undefined);
    },
    watch(onChange) {
      // The journal also looks every second: a watcher outside the workspace may not report.
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, '*.jsonl'));
      const seen = (u: vscode.Uri) => {
        const name = nameIn(u);
        if (name) reported.add(name);
        onChange();
      };
      const subscriptions = [
        watcher,
        watcher.onDidChange(seen),
        watcher.onDidCreate(seen),
        watcher.onDidDelete((u) => {
          const name = nameIn(u);
          if (name) reported.delete(name);
        }),
      ];
      return { dispose: () => subscriptions.forEach((d) => d.dispose()) };
    },
  };
}

export function webPlatform(context: vscode.ExtensionContext): Platform {
  const workerFile = vscode.Uri.joinPath(context.extensionUri, 'dist', 'bank-worker.js').toString();
  const parser = inThreadParser(workerFile);
  const bank: BankPlatform = {
    io: webIo,
    bankIdForFile: (file) => `file-${fnv64(file)}`,
    parseInline: async (bytes, title, format) => (await parser.ready).parseDecoded(bytes, title, format),
    workerFile,
  };
  return {
    kind: 'web',
    bank,
    extensionDir: context.extensionUri.toString(),
    globalStorageDir: context.globalStorageUri.toString(),
    env: {},
    uriOf: uri,
    fileOf: (u) => u.toString(),
    chosenBankFile() {
      const { value, base: root } = pathSetting('bankFile');
      if (!value || !root) return undefined;
      // A path of the workspace's own file system: relative to its folder, or absolute in it.
      return (value.startsWith('/') ? root.with({ path: value }) : vscode.Uri.joinPath(root, ...value.split('/'))).toString();
    },
    settingValueFor(u) {
      const root = bankFileBase();
      const inside = root && u.scheme === root.scheme && u.authority === root.authority ? root.path.replace(/\/?$/, '/') : undefined;
      return inside && u.path.startsWith(inside) ? u.path.slice(inside.length) : u.path;
    },
    async journal(identity) {
      return { dir: webJournalDir(vscode.Uri.joinPath(context.globalStorageUri, 'journals', (await sha256([identity])).slice(0, 20))) };
    },
    renderNote(text) {
      const loaded = parser.now();
      if (!loaded) throw new Error(vscode.l10n.t('the Markdown reader is still loading'));
      return loaded.noteBlocks(text);
    },
    followNotesFolder(study, log) {
      const { value: setting, base: workspace } = pathSetting('notesFolder');
      if (!workspace) return vscode.l10n.t('Notes are kept as files only in a workspace folder; they stay in workspace storage for now.');
      const root = notesRootIn(workspace.path, setting);
      if (root === undefined) {
        const outside = vscode.l10n.t(
          'In the browser, notes can be files only inside the workspace folder; djangoPrep.notesFolder names a folder outside it ({0}).',
          setting,
        );
        return `${outside} ${vscode.l10n.t('Your notes stay in storage; Export Notes… writes them all to one Markdown file.')}`;
      }
      return followNotesFolder(study, root, webNoteFiles(workspace), log).disposable;
    },
  };
}

/** Notes as files through workspace.fs, named by their path in the workspace folder's file system. */
function webNoteFiles(workspace: vscode.Uri): NoteFiles {
  const fs = vscode.workspace.fs;
  const at = (path: string) => workspace.with({ path });
  return {
    uriOf: at,
    pathOf: (u) => (u.scheme === workspace.scheme && u.authority === workspace.authority ? u.path : undefined),
    async read(path) {
      try {
        const [bytes, info] = await Promise.all([fs.readFile(at(path)), fs.stat(at(path))]);
        return { text: new TextDecoder().decode(bytes), mtime: info.mtime };
      } catch {
        return undefined;
      }
    },
    async write(path, text) {
      // One call with the whole text: the browser's file systems take a file's content whole (the
      // File System Access API writes a swap file and replaces the file on close), so a reader
      // does not see half a note, as with Node's rename.
      await fs.createDirectory(at(path.slice(0, path.lastIndexOf('/'))));
      await fs.writeFile(at(path), new TextEncoder().encode(text));
    },
    async list(dir) {
      try {
        return (await fs.readDirectory(at(dir)))
          .filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.md'))
          .map(([name]) => name);
      } catch {
        return [];
      }
    },
  };
}
