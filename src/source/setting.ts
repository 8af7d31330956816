// Which bank file the learner chose: `djangoPrep.bankFile`, absolute or relative to the workspace
// folder; empty means the bundled bank. Pure: no 'vscode'.
import { isAbsolute, resolve } from 'node:path';

/** The absolute path the setting names, or undefined for the bundled bank (or when it cannot be resolved). */
export function resolveBankSetting(value: unknown, workspaceFolder: string | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  let path = value.trim();
  if (!path) return undefined;
  if (path === '~' || path.startsWith('~/')) {
    const home = process.env.HOME ?? process.env.USERPROFILE;
    if (!home) return undefined;
    path = home + path.slice(1);
  }
  if (isAbsolute(path)) return resolve(path);
  return workspaceFolder ? resolve(workspaceFolder, path) : undefined;
}

/** What to write to the setting for a file: relative to the workspace folder when inside it. */
export function settingValueFor(file: string, workspaceFolder: string | undefined): string {
  if (workspaceFolder) {
    const base = resolve(workspaceFolder);
    const abs = resolve(file);
    if (abs.startsWith(base + '/') || abs.startsWith(base + '\\')) return abs.slice(base.length + 1).replace(/\\/g, '/');
  }
  return file;
}
