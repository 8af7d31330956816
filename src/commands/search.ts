// Open Question…: a search over the bank's questions, details, answers and the learner's notes,
// ranked by relevance (search/search.ts), saying which part matched. VS Code's own filtering is
// kept out of the way (every result is `alwaysShow`), so the ranking is the index's.
import * as vscode from 'vscode';
import type { QuestionEntry } from '../bank/model';
import type { Study } from '../progress/study';
import type { Field } from '../search/search';

type Item = vscode.QuickPickItem & { id: string };

const PART: Record<Field, () => string> = {
  text: () => vscode.l10n.t('question'),
  qid: () => vscode.l10n.t('id'),
  details: () => vscode.l10n.t('details'),
  answer: () => vscode.l10n.t('answer'),
  note: () => vscode.l10n.t('your note'),
};

/** Shows the search; resolves with the id picked, or undefined. */
export function pickQuestion(study: Study, activeId?: string): Promise<string | undefined> {
  const item = (e: QuestionEntry, fields?: Field[]): Item => {
    const id = e.question.id;
    const path = e.path.map((s) => s.title).join(' › ');
    const matched = fields?.length ? `$(search) ${fields.map((f) => PART[f]()).join(', ')} — ` : '';
    return {
      label: `${study.isDone(id) ? '$(pass-filled)' : '$(circle-large-outline)'} ${e.question.text}${study.hasNote(id) ? ' $(note)' : ''}`,
      description: id,
      detail: matched + path,
      alwaysShow: true,
      id,
    };
  };
  const everything = () => study.entries.map((e) => item(e));

  return new Promise((resolve) => {
    const quickPick = vscode.window.createQuickPick<Item>();
    quickPick.title = vscode.l10n.t('Open Question');
    quickPick.placeholder = vscode.l10n.t('Search the questions, their answers and your notes');
    quickPick.matchOnDescription = false;
    quickPick.matchOnDetail = false;
    quickPick.items = everything();
    const active = quickPick.items.find((i) => i.id === activeId);
    if (active) quickPick.activeItems = [active];
    let picked: string | undefined;
    quickPick.onDidChangeValue((value) => {
      quickPick.items = value.trim()
        ? study.search(value).flatMap((hit) => {
            const e = study.entry(hit.id);
            return e ? [item(e, hit.fields)] : [];
          })
        : everything();
    });
    quickPick.onDidAccept(() => {
      picked = (quickPick.selectedItems[0] ?? quickPick.activeItems[0])?.id;
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      quickPick.dispose();
      resolve(picked);
    });
    quickPick.show();
  });
}
