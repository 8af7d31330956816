// Show Orphaned Notes and Conflict Copies: notes kept apart from the questions, to open, restore
// or discard.
import * as vscode from 'vscode';
import type { Study } from '../progress/study';
import type { ConflictCopy } from '../progress/note-record';

type KeptPick = vscode.QuickPickItem & ({ orphan: string } | { copy: ConflictCopy });

/** Opens a note's text as an untitled Markdown document: it stays in storage, and the learner can copy or save it. */
async function openAsDocument(comment: string, text: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: `<!-- ${comment} -->\n\n${text}` });
  await vscode.window.showTextDocument(document, { preview: false });
}

function openConflictCopy(copy: ConflictCopy): Promise<void> {
  return openAsDocument(
    vscode.l10n.t('A conflict copy of your note on question "{0}" ({1}). The note itself is unchanged.', copy.id, copy.reason),
    copy.text,
  );
}

const firstLine = (text: string) => text.split('\n', 1)[0].slice(0, 120);

/**
 * Notes kept apart from the questions: notes of questions the bank no longer has, and conflict
 * copies (a copy of a note that lost to a newer one, kept because it held text the newer lacks).
 * An argument names an orphaned note's question id or a conflict copy's key.
 */
export async function showOrphanedNotes(study: Study, arg?: unknown): Promise<void> {
  const orphans = study.orphanedNoteIds();
  const copies = study.conflicts();
  if (!orphans.length && !copies.length) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('No orphaned notes or conflict copies: every note belongs to a question in the bank.'),
    );
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
      items.push({ label: vscode.l10n.t('Notes of questions no longer in the bank'), kind: vscode.QuickPickItemKind.Separator });
      for (const id of orphans) {
        const text = study.getNote(id);
        items.push({ label: id, description: vscode.l10n.t('{0} characters', text.length), detail: firstLine(text), orphan: id });
      }
    }
    if (copies.length) {
      items.push({
        label: vscode.l10n.t('Conflict copies: older or parallel copies of a note, kept because they held text the note lacks'),
        kind: vscode.QuickPickItemKind.Separator,
      });
      for (const copy of [...copies].reverse()) {
        items.push({
          label: `$(versions) ${copy.id}`,
          description: vscode.l10n.t('{0} · {1} characters', new Date(copy.updated).toLocaleString(), copy.text.length),
          detail: firstLine(copy.text),
          copy,
        });
      }
    }
    picked = (await vscode.window.showQuickPick(items, {
      placeHolder: vscode.l10n.t('Pick a note to open it, or a conflict copy to open, restore or discard it'),
    })) as KeptPick | undefined;
  }
  if (!picked) return;
  if ('orphan' in picked) {
    const id = picked.orphan;
    await openAsDocument(
      vscode.l10n.t('Your note on question "{0}", which is no longer in the bank. It is still kept in workspace storage.', id),
      study.getNote(id),
    );
    return;
  }
  const { copy } = picked;
  const open = vscode.l10n.t('Open as Document');
  const restore = vscode.l10n.t('Restore as the Note of {0}', copy.id);
  const discard = vscode.l10n.t('Discard This Copy…');
  const action = await vscode.window.showQuickPick([open, restore, discard], {
    placeHolder: vscode.l10n.t('Conflict copy of the note on {0}: {1}', copy.id, copy.reason),
  });
  if (action === open) {
    await openConflictCopy(copy);
  } else if (action === restore) {
    await study.restoreConflict(copy);
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'The conflict copy is the note of {0} again; the note it replaced is kept as a conflict copy if it held anything the copy lacks.',
        copy.id,
      ),
    );
  } else if (action === discard) {
    const discardNow = vscode.l10n.t('Discard');
    const sure = await vscode.window.showWarningMessage(
      vscode.l10n.t('Discard this conflict copy of the note on {0}?', copy.id),
      { modal: true, detail: vscode.l10n.t('{0} characters, first line: {1}', copy.text.length, firstLine(copy.text)) },
      discardNow,
    );
    if (sure === discardNow) await study.discardConflict(copy);
  }
}
