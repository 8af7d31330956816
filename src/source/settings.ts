// The extension's settings, read in one place: each with its type, its default and its scope.
// The two path settings (`bankFile`, `notesFolder`) reach outside the workspace, so they are
// `restrictedConfigurations` (package.json): in Restricted Mode VS Code leaves a workspace's own
// value out of what it reports, and the user's value applies until the folder is trusted. Which
// value a multi-root window follows, and what a relative path is relative to: shared/scope.ts.
import * as vscode from 'vscode';
import { parseJsonc } from '../shared/jsonc';
import { chooseScoped, type Chosen } from '../shared/scope';
import { DEFAULT_RETENTION } from '../review/fsrs';
import type { PlanLimits } from '../review/plan';

export const SECTION = 'djangoPrep';

/** Every setting, by its name under `djangoPrep.`: one table for package.json's and the code's. */
export const SETTINGS = {
  reuseQuestionPage: 'reuseQuestionPage',
  notesLocation: 'notesLocation',
  notesFolder: 'notesFolder',
  bankFile: 'bankFile',
  newPerDay: 'newPerDay',
  maxReviewsPerDay: 'maxReviewsPerDay',
  desiredRetention: 'desiredRetention',
  mockMinutesPerQuestion: 'mockMinutesPerQuestion',
  aiEnabled: 'ai.enabled',
  aiModel: 'ai.model',
} as const;
export type SettingName = keyof typeof SETTINGS;
/** The settings that name a path, restricted until the folder is trusted. */
export type PathSettingName = 'bankFile' | 'notesFolder';
export const RESTRICTED_SETTINGS: readonly PathSettingName[] = ['bankFile', 'notesFolder'];

export type NotesLocation = 'workspace' | 'global' | 'folder';
export const DEFAULT_NOTES_FOLDER = '.interview-notes';

const config = (resource?: vscode.Uri) => vscode.workspace.getConfiguration(SECTION, resource);
/** The saved `.code-workspace` file, if the window has one (an untitled workspace has no folder of its own). */
const savedWorkspaceFile = (): vscode.Uri | undefined => {
  const file = vscode.workspace.workspaceFile;
  return file && file.scheme !== 'untitled' ? file : undefined;
};
/** `djangoPrep.<name>`, as the Settings editor and `affectsConfiguration` name it. */
export const settingId = (name: SettingName): string => `${SECTION}.${SETTINGS[name]}`;

function numberIn(value: unknown, fallback: number, min: number, max: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

/** The settings that are not paths: typed, defaulted, bounded as package.json says. */
export const settings = {
  reuseQuestionPage: (): boolean => config().get<boolean>(SETTINGS.reuseQuestionPage, true) !== false,
  notesLocation(): NotesLocation {
    const value = config().get<string>(SETTINGS.notesLocation);
    return value === 'global' || value === 'folder' ? value : 'workspace';
  },
  newPerDay: (): number => Math.floor(numberIn(config().get(SETTINGS.newPerDay), 10, 0, 1000)),
  maxReviewsPerDay: (): number => Math.floor(numberIn(config().get(SETTINGS.maxReviewsPerDay), 200, 1, 10000)),
  /** The daily maxima a study plan keeps to. */
  planLimits: (): PlanLimits => ({ maxNewPerDay: settings.newPerDay(), maxReviewsPerDay: settings.maxReviewsPerDay() }),
  desiredRetention: (): number => numberIn(config().get(SETTINGS.desiredRetention), DEFAULT_RETENTION, 0.7, 0.97),
  mockMinutesPerQuestion: (): number => numberIn(config().get(SETTINGS.mockMinutesPerQuestion), 3, 0.05, 120),
  /** Check My Answer may send a question and the notes to a chat model (on the learner's click only). */
  aiEnabled: (): boolean => config().get<boolean>(SETTINGS.aiEnabled, true) !== false,
  /** The chat model family Check My Answer asks; empty for the first offered. */
  aiModel: (): string => {
    const value = config().get<unknown>(SETTINGS.aiModel);
    return typeof value === 'string' ? value.slice(0, 200) : '';
  },
};

/**
 * A path setting as this window follows it (shared/scope.ts): its value, the folder a relative
 * path is relative to, and the scope it came from. Each folder's own value is read with that
 * folder as the resource, so `.vscode/settings.json` of every folder is consulted.
 */
export function pathSetting(name: PathSettingName): Chosen<vscode.Uri> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const whole = config().inspect<string>(SETTINGS[name]);
  const file = savedWorkspaceFile();
  const chosen = chooseScoped<vscode.Uri>({
    workspaceValue: whole?.workspaceValue,
    folders: folders.map((f) => ({ folder: f.uri, value: config(f.uri).inspect<string>(SETTINGS[name])?.workspaceFolderValue })),
    globalValue: whole?.globalValue,
    defaultValue: whole?.defaultValue,
    workspaceFileFolder: file && vscode.Uri.joinPath(file, '..'),
  });
  return name === 'notesFolder' && !chosen.value ? { ...chosen, value: DEFAULT_NOTES_FOLDER } : chosen;
}

/** Writes the bank file for this workspace (or for the user, with no folder open). */
export async function writeBankFile(value: string): Promise<void> {
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config().update(SETTINGS.bankFile, value, target);
}

/** The folder a bank file chosen now is written relative to: where writeBankFile's value is read from. */
export function bankFileBase(): vscode.Uri | undefined {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const file = savedWorkspaceFile();
  return file ? vscode.Uri.joinPath(file, '..') : folders[0]?.uri;
}

/**
 * In Restricted Mode: the path settings this workspace sets itself (its `.code-workspace` file or
 * a folder's `.vscode/settings.json`), which VS Code ignores until the folder is trusted. VS Code
 * does not report them to extensions then, so the files are read (JSON with comments); a file
 * that cannot be read or parsed sets nothing.
 */
export async function ignoredUntilTrusted(): Promise<PathSettingName[]> {
  if (vscode.workspace.isTrusted) return [];
  const sources: Array<{ uri: vscode.Uri; inner?: string }> = [];
  const file = savedWorkspaceFile();
  if (file) sources.push({ uri: file, inner: 'settings' });
  for (const f of vscode.workspace.workspaceFolders ?? []) sources.push({ uri: vscode.Uri.joinPath(f.uri, '.vscode', 'settings.json') });
  const found = new Set<PathSettingName>();
  for (const { uri, inner } of sources) {
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      continue;
    }
    const parsed = parseJsonc(text);
    const values = inner ? parsed?.[inner] : parsed;
    if (!values || typeof values !== 'object') continue;
    for (const name of RESTRICTED_SETTINGS) if (Object.prototype.hasOwnProperty.call(values, settingId(name))) found.add(name);
  }
  return RESTRICTED_SETTINGS.filter((n) => found.has(n));
}
