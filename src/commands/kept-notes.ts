// Show Orphaned Notes and Conflict Copies: notes kept apart from the questions, to open, restore
// or discard.
import * as vscode from 'vscode';
import type { Study } from '../progress/study';
import type { ConflictCopy } from '../progress/notes';

type KeptPick = vscode.QuickPickItem & ({ orphan: string } | { copy: ConflictCopy });

/** Opens a note's text as an untitled Markdown document: it stays in storage, and the learner can copy or save it. */
async function openAsDocument(comment: string, text: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: `<!-- ${comment} -->\n\n${text}` });
  await vscode.window.showTextDocument(document, { preview: false });
}

function openConflictCopy(copy: ConflictCopy): Promise<void> {
  return openAsDocument(`A conflict copy of your note on question "${copy.id}" (${copy.reason}). The note itself is unchanged.`, copy.text);
}

const firstLine = (text: string) => text.split('\n', 1)[0].slice(0, 120);

/**
 * Notes kept apart from the questions: notes of questions the bank no longer has, and conflict
 * copies (a copy of a note that lost to a newer one, kept because it held text the newer lacks).
 * An argument names an orphaned note's question id or a conflict copy's key.
 */
export async function showKeptNotes(study: Study, arg?: unknown): Promise<void> {
  const orphans = study.orphanedNoteIds();
  const copies = study.conflicts();
  if (!orphans.length && !copies.length) {
    void vscode.window.showInformationMessage('No orphaned notes or conflict copies: every note belongs to a question in the bank.');
    return;
  }
  let picked: KeptPick | undefined;
  if (typeof arg === 'string') {
    const copy = copies.find((c) => c.key === arg);
    if (orphans.includes(arg)) picked = { label: arg, orphan: arg };
    else if (copy) return openConflictCopy(copy);
  }
  if (!picked) {
    const items: Array<KeptPick | vscode.QuickPickItem> = [];
    if (orphans.length) {
      items.push({ label: 'Notes of questions no longer in the bank', kind: vscode.QuickPickItemKind.Separator });
      for (const id of orphans) {
        const text = study.getNote(id);
        items.push({ label: id, description: `${text.length} characters`, detail: firstLine(text), orphan: id });
      }
    }
    if (copies.length) {
      items.push({ label: 'Conflict copies: older or parallel copies of a note, kept because they held text the note lacks', kind: vscode.QuickPickItemKind.Separator });
      for (const copy of [...copies].reverse()) {
        items.push({
          label: `$(versions) ${copy.id}`,
          description: `${new Date(copy.updated).toLocaleString()} · ${copy.text.length} characters`,
          detail: firstLine(copy.text),
          copy,
        });
      }
    }
    picked = (await vscode.window.showQuickPick(items, { placeHolder: 'Pick a note to open it, or a conflict copy to open, restore or discard it' })) as KeptPick | undefined;
  }
  if (!picked) return;
  if ('orphan' in picked) {
    const id = picked.orphan;
    await openAsDocument(`Your note on question "${id}", which is no longer in the bank. It is still kept in workspace storage.`, study.getNote(id));
    return;
  }
  const { copy } = picked;
  const open = 'Open as Document';
  const restore = `Restore as the Note of ${copy.id}`;
  const discard = 'Discard This Copy…';
  const action = await vscode.window.showQuickPick([open, restore, discard], { placeHolder: `Conflict copy of the note on ${copy.id}: ${copy.reason}` });
  if (action === open) {
    await openConflictCopy(copy);
  } else if (action === restore) {
    await study.restoreConflict(copy);
    void vscode.window.showInformationMessage(`The conflict copy is the note of ${copy.id} again; the note it replaced is kept as a conflict copy if it held anything the copy lacks.`);
  } else if (action === discard) {
    const sure = await vscode.window.showWarningMessage(
      `Discard this conflict copy of the note on ${copy.id}?`,
      { modal: true, detail: `${copy.text.length} characters, first line: ${firstLine(copy.text)}` },
      'Discard',
    );
    if (sure === 'Discard') await study.discardConflict(copy);
  }
}
