// Which value of a path setting (`djangoPrep.bankFile`, `djangoPrep.notesFolder`) a window
// follows, and what a relative path in it is relative to. One bank and one notes folder serve the
// whole window, so in a multi-root workspace one value is chosen, by this rule:
//
//  1. the workspace's own value (the `.code-workspace` file's settings): relative to the folder
//     that holds that file (as its "folders" paths are), or to the first folder when the
//     workspace is not saved;
//  2. else the first folder, in the workspace's order, whose own `.vscode/settings.json` sets it:
//     relative to that folder;
//  3. else the user's value (or the default): relative to the first folder.
//
// In a single-folder window the workspace's value is the folder's own (rule 1 or 2, the same
// folder). Pure: no 'vscode'; the caller reads the values with VS Code's `inspect()`, in which a
// restricted setting's workspace values are absent until the folder is trusted.

/** One scope's values, as `inspect()` reports them (undefined: not set there). */
export interface ScopedValues<F> {
  /** The `.code-workspace` file's value (multi-root), or the folder's own (a single folder). */
  workspaceValue?: unknown;
  /** Each folder's own value, in the workspace's order. */
  folders: ReadonlyArray<{ folder: F; value?: unknown }>;
  globalValue?: unknown;
  defaultValue?: unknown;
  /** The folder holding a saved `.code-workspace` file, when there is one. */
  workspaceFileFolder?: F;
}

export type ScopeName = 'workspace' | 'folder' | 'user' | 'default';

export interface Chosen<F> {
  /** The value, trimmed; '' when nothing usable is set. */
  value: string;
  /** What a relative path is relative to (undefined: no folder is open). */
  base: F | undefined;
  from: ScopeName;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

export function chooseScoped<F>(v: ScopedValues<F>): Chosen<F> {
  const first = v.folders[0]?.folder;
  const workspace = text(v.workspaceValue);
  // A single folder reports its own value as the workspace's too: its base is that folder.
  if (workspace !== undefined && v.folders.length <= 1 && v.workspaceFileFolder === undefined)
    return { value: workspace, base: first, from: 'folder' };
  if (workspace !== undefined) return { value: workspace, base: v.workspaceFileFolder ?? first, from: 'workspace' };
  for (const f of v.folders) {
    const own = text(f.value);
    if (own !== undefined) return { value: own, base: f.folder, from: 'folder' };
  }
  const user = text(v.globalValue);
  if (user !== undefined) return { value: user, base: first, from: 'user' };
  return { value: text(v.defaultValue) ?? '', base: first, from: 'default' };
}
