// Open Question…: a search over the bank's questions, details, answers and the learner's notes,
// ranked by relevance (search/search.ts), saying which part matched. VS Code's quick pick matches
// the typed letters loosely against each label and moves the labels that match to the top,
// which put "Compare DRF's Response…" above the CSRF questions for "csrf"; there is no API to
// turn that off. So the label is the question's id (which only an id-like query matches, and
// then rightly first) with its done and note icons, the text is the description, and every
// result is `alwaysShow`: the order is the index's.
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
  // Read once per search: the list is rebuilt on every keystroke.
  const noted = new Set(study.notedIds());
  const item = (e: QuestionEntry, fields?: Field[]): Item => {
    const id = e.question.id;
    const path = e.path.map((s) => s.title).join(' › ');
    const matched = fields?.length ? `$(search) ${fields.map((f) => PART[f]()).join(', ')} — ` : '';
    return {
      label: `${study.isDone(id) ? '$(pass-filled)' : '$(circle-large-outline)'} ${id}${noted.has(id) ? ' $(note)' : ''}`,
      description: e.question.text,
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
      // The best result is the one Enter opens (an item active before the search is gone from the list).
      if (quickPick.items.length) quickPick.activeItems = [quickPick.items[0]];
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
