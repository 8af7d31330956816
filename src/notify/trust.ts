// Restricted Mode. Everything of the study works in a folder the learner has not trusted: its data
// is the extension's own storage. Only the two settings that reach outside the workspace (a bank
// file to read, a notes folder to write: source/settings.ts) wait: VS Code ignores a workspace's
// own value of them until the folder is trusted. When this workspace sets one, the view says so
// (its message, while it holds) and the learner is told once, with a button to the trust editor.
// Trusting the folder takes effect at once, without a reload.
import * as vscode from 'vscode';
import { ignoredUntilTrusted, pathSetting, settingId, type PathSettingName } from '../source/settings';

export interface TrustHost {
  view: vscode.TreeView<unknown>;
  /** Workspace storage: remembers that the learner was told. */
  memory: vscode.Memento;
  log(message: string): void;
  /** Follows the settings the trust just let through (the bank file, the notes folder). */
  onTrusted(): Promise<void>;
}

export interface TrustFollower extends vscode.Disposable {
  /** The workspace's own settings ignored now (none once trusted). */
  readonly ignored: readonly PathSettingName[];
  /** Settles once the settings files were read and the view told. */
  readonly ready: Promise<void>;
  /** Settles once what trust lets through is followed (the bank read again), after a grant. */
  readonly trusted: Promise<void>;
}

const TOLD_KEY = 'notice/restricted';
const MANAGE_TRUST = 'workbench.trust.manage';

/** Resolves once VS Code reports the workspace's own value of each setting (or after a few seconds). */
function settled(names: readonly PathSettingName[], timeoutMs = 5000): Promise<void> {
  const reported = () =>
    names.every((n) => {
      const { from } = pathSetting(n);
      return from === 'workspace' || from === 'folder';
    });
  if (reported()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => (clearTimeout(timer), listener.dispose(), resolve());
    const timer = setTimeout(done, timeoutMs);
    const listener = vscode.workspace.onDidChangeConfiguration(() => reported() && done());
  });
}

export function followTrust(host: TrustHost): TrustFollower {
  let ignored: PathSettingName[] = [];
  let grant: () => void = () => undefined;
  const trusted = new Promise<void>((resolve) => (grant = resolve));
  const show = async () => {
    ignored = await ignoredUntilTrusted();
    const names = ignored.map((n) => settingId(n)).join(', ');
    const one = ignored.length === 1;
    host.view.message = !ignored.length
      ? undefined
      : one
        ? vscode.l10n.t('Restricted Mode: this workspace’s {0} is ignored until you trust the folder.', names)
        : vscode.l10n.t('Restricted Mode: this workspace’s {0} are ignored until you trust the folder.', names);
    if (!ignored.length) return;
    host.log(`Restricted Mode: the workspace's ${names} ignored until the folder is trusted; the user's value applies.`);
    if (host.memory.get<string>(TOLD_KEY) === names) return;
    // Told once per workspace (again only if it sets other settings). A failed write only means telling again.
    void Promise.resolve(host.memory.update(TOLD_KEY, names)).catch(() => undefined);
    void tell(names, one);
  };
  const tell = async (names: string, one: boolean) => {
    const manage = vscode.l10n.t('Manage Workspace Trust');
    const choice = await vscode.window.showInformationMessage(
      one
        ? vscode.l10n.t(
            'This folder is in Restricted Mode, so its own {0} is ignored and your user settings apply. Trust the folder to use it.',
            names,
          )
        : vscode.l10n.t(
            'This folder is in Restricted Mode, so its own {0} are ignored and your user settings apply. Trust the folder to use them.',
            names,
          ),
      manage,
    );
    if (choice === manage) await vscode.commands.executeCommand(MANAGE_TRUST);
  };
  const ready = vscode.workspace.isTrusted
    ? Promise.resolve()
    : show().catch((err) => host.log(`Restricted Mode: the workspace's settings could not be read: ${(err as Error)?.message ?? err}`));
  if (vscode.workspace.isTrusted) grant();
  const subscriptions = [
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      // What the workspace sets is read at the start (show): a grant that comes sooner waits for it,
      // or it would wait for no setting and follow the user's values (seen as a flaky multi-root run).
      await ready;
      const waiting = ignored;
      ignored = [];
      host.view.message = undefined;
      try {
        // The grant and the settings it lets through reach the extension host apart: follow them once both are here.
        await settled(waiting);
        host.log('The folder is trusted: its own bank file and notes folder apply now.');
        await host.onTrusted();
      } finally {
        grant();
      }
    }),
    // A workspace setting written while restricted: said at once, as at the start.
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (
        !vscode.workspace.isTrusted &&
        (e.affectsConfiguration(settingId('bankFile')) || e.affectsConfiguration(settingId('notesFolder')))
      )
        void show();
    }),
  ];
  return {
    get ignored() {
      return ignored;
    },
    ready: ready.then(() => undefined),
    trusted,
    dispose: () => subscriptions.forEach((d) => d.dispose()),
  };
}
