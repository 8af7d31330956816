// Study sets: Add to Study Set… (the page's title bar, the tree's context menu, the palette) puts
// the question in a set or takes it out, or makes a new set for it; Delete Study Set… deletes one.
// The tree filters by a set (tree/view.ts), and a review or a mock interview can take one.
import * as vscode from 'vscode';
import type { Study } from '../progress/study';
import { COMMANDS } from '../shared/ids';
import { cleanSetName, refusedSetName, SET_NAME_MAX } from '../progress/set-record';
import { command, type Command } from './registry';

/** Why a typed name cannot be a set's, in words; undefined when it can. */
export function refusedSetNameText(name: string): string | undefined {
  const refused = refusedSetName(cleanSetName(name));
  if (refused === 'empty') return vscode.l10n.t('A study set needs a name.');
  if (refused === 'long') return vscode.l10n.t('A study set’s name is at most {0} characters.', SET_NAME_MAX);
  return undefined;
}

/** "12 questions". */
const questions = (n: number) => (n === 1 ? vscode.l10n.t('1 question') : vscode.l10n.t('{0} questions', n));

/** Puts questions in a set or takes them out; says so, or why not. True once stored. */
async function mark(study: Study, name: string, ids: readonly string[], inSet: boolean): Promise<boolean> {
  const marked = study.store.sets.mark(study.bankId, name, ids, inSet);
  if (!marked) {
    void vscode.window.showErrorMessage(vscode.l10n.t('This bank has as many study sets as it can keep; delete one first.'));
    return false;
  }
  const what = ids.length === 1 ? ids[0] : questions(ids.length);
  void vscode.window.setStatusBarMessage(
    inSet
      ? vscode.l10n.t('Added {0} to the study set “{1}”.', what, name)
      : vscode.l10n.t('Took {0} out of the study set “{1}”.', what, name),
    4000,
  );
  // A write that fails is kept and retried by Storage; the status bar says it is not saved.
  await marked.written;
  return true;
}

/**
 * `questionOf(arg)`: the question a command means (a tree node, an id, else the page in front or
 * the tree's selection). Arguments `(question, setName)` from code or a test do it without asking.
 */
export function setCommands(study: Study, questionOf: (arg: unknown) => string | undefined): Command[] {
  return [
    command(COMMANDS.addToStudySet, async (arg?: unknown, setName?: unknown): Promise<boolean> => {
      const id = questionOf(arg);
      if (id === undefined || !study.has(id)) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open or select a question first, then add it to a study set.'));
        return false;
      }
      if (typeof setName === 'string') {
        const refused = refusedSetNameText(setName);
        if (refused) {
          void vscode.window.showErrorMessage(refused);
          return false;
        }
        return mark(study, cleanSetName(setName), [id], true);
      }
      const sets = [...study.store.sets.all(study.bankId)];
      const NEW = vscode.l10n.t('New Study Set…');
      const picked = await vscode.window.showQuickPick(
        [
          { label: `$(add) ${NEW}`, name: undefined as string | undefined, has: false },
          ...sets.map(([name, ids]) => ({
            label: `${ids.has(id) ? '$(pass-filled)' : '$(circle-large-outline)'} ${name}`,
            description: ids.has(id) ? vscode.l10n.t('{0} · in it: pick to take it out', questions(ids.size)) : questions(ids.size),
            name,
            has: ids.has(id),
          })),
        ],
        { title: vscode.l10n.t('Add {0} to a Study Set', id), placeHolder: vscode.l10n.t('A study set, or a new one') },
      );
      if (!picked) return false;
      if (picked.name !== undefined) return mark(study, picked.name, [id], !picked.has);
      const typed = await vscode.window.showInputBox({
        title: NEW,
        prompt: vscode.l10n.t('A name for the set, such as “ORM” or “Ask again”.'),
        validateInput: refusedSetNameText,
      });
      if (typed === undefined) return false;
      return mark(study, cleanSetName(typed), [id], true);
    }),
    command(COMMANDS.deleteStudySet, async (arg?: unknown): Promise<boolean> => {
      const sets = [...study.store.sets.all(study.bankId)];
      let name = typeof arg === 'string' ? arg : undefined;
      if (name === undefined) {
        if (!sets.length) {
          void vscode.window.showInformationMessage(vscode.l10n.t('This bank has no study sets.'));
          return false;
        }
        const picked = await vscode.window.showQuickPick(
          sets.map(([n, ids]) => ({ label: n, description: questions(ids.size) })),
          { placeHolder: vscode.l10n.t('The study set to delete (its questions stay in the bank)') },
        );
        if (!picked) return false;
        name = picked.label;
        const remove = vscode.l10n.t('Delete');
        const sure = await vscode.window.showWarningMessage(
          vscode.l10n.t('Delete the study set “{0}”?', name),
          { modal: true, detail: vscode.l10n.t('Its questions, notes and reviews stay; only the set goes.') },
          remove,
        );
        if (sure !== remove) return false;
      }
      if (!study.store.sets.all(study.bankId).has(name)) {
        void vscode.window.showWarningMessage(vscode.l10n.t('There is no study set “{0}”.', name));
        return false;
      }
      await study.store.sets.remove(study.bankId, name);
      return true;
    }),
  ];
}
