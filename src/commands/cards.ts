// Export to Anki… and Export Review Log…: the bank as an Anki text file with the learner's notes
// (export/anki.ts), and the reviews as FSRS's CSV. Each is written where the learner says, never
// sent anywhere.
import * as vscode from 'vscode';
import type { Study } from '../progress/study';
import type { Platform } from '../platform/platform';
import { ankiText, reviewLogCsv } from '../export/anki';
import { noteHtml, renderBlocks, renderInline } from '../page/render';
import { slug } from '../bank/ids';
import { COMMANDS } from '../shared/ids';
import { saveTarget } from './notes';
import { command, type Command } from './registry';

export function cardCommands(study: Study, platform: Platform, log: (message: string) => void): Command[] {
  return [
    command(COMMANDS.exportToAnki, async (target?: unknown) => {
      const uri = await saveTarget(target, `${slug(study.bank.title)}-anki.txt`, {
        filters: { [vscode.l10n.t('Anki text')]: ['txt'] },
        saveLabel: vscode.l10n.t('Export to Anki'),
        title: vscode.l10n.t('Export {0} to Anki (File › Import in Anki)', study.bank.title),
      });
      if (!uri) return;
      const { text, notes } = ankiText({
        bank: study.bank,
        bankId: study.bankId,
        note: (id) => study.getNote(id),
        isDone: (id) => study.isDone(id),
        front: (q) => `<p>${renderInline(q.rich)}</p>${renderBlocks(q.richDetails)}`,
        back: (q) => renderBlocks(q.richAnswer),
        noteHtml: (note) =>
          noteHtml(
            note,
            (t) => platform.renderNote(t),
            (err) => log(`A note could not be rendered for Anki: ${err.message}`),
          ),
      });
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'Exported {0} questions to {1}. In Anki: File › Import; importing again updates the same notes.',
          notes,
          uri.path.split('/').pop() ?? '',
        ),
      );
    }),
    command(COMMANDS.exportReviewLog, async (target?: unknown) => {
      const { csv, reviews } = reviewLogCsv(study.bankId, study.store.reviews.all(study.bankId));
      if (!reviews) {
        void vscode.window.showInformationMessage(vscode.l10n.t('There are no reviews to export yet.'));
        return;
      }
      const uri = await saveTarget(target, `${slug(study.bank.title)}-revlog.csv`, {
        filters: { CSV: ['csv'] },
        saveLabel: vscode.l10n.t('Export Review Log'),
      });
      if (!uri) return;
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(csv));
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Exported {0} reviews in FSRS’s review log format.', reviews), 5000);
    }),
  ];
}
