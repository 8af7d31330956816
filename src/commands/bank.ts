// The bank commands: choose the bank to study, reveal a question in its file, show its problems.
import * as vscode from 'vscode';
import { tableFormatOf } from '../bank/formats';
import { baseName } from '../bank/io';
import type { Platform } from '../platform/platform';
import type { Study } from '../progress/study';
import type { BankFollower } from '../source/follow';
import { writeBankFile } from '../source/settings';
import { BUNDLED_BANK_ID } from '../bank/bundled';
import { COMMANDS } from '../shared/ids';
import { command, type Command } from './registry';

export interface BankCommandHost {
  study: Study;
  follower: BankFollower;
  output: vscode.OutputChannel;
  platform: Platform;
  /** The question a command without an argument means (the page in front, else the tree's selection). */
  currentQuestion(arg?: unknown): string | undefined;
}

type BankPick = vscode.QuickPickItem & { value?: string; browse?: boolean };

export function bankCommands(host: BankCommandHost): Command[] {
  const { study, follower, platform } = host;
  const folder = () => vscode.workspace.workspaceFolders?.[0]?.uri;

  return [
    command(COMMANDS.chooseBank, async (file?: unknown) => {
      let value: string | undefined = typeof file === 'string' ? file : undefined;
      if (value === undefined) {
        const found = folder()
          ? await vscode.workspace.findFiles('**/*.{md,markdown,mdx,csv,tsv}', '{**/node_modules/**,**/.git/**}', 500)
          : [];
        const current = follower.current.file;
        const items: BankPick[] = [
          {
            label: `$(mortar-board) ${vscode.l10n.t('The bundled Django bank')}`,
            description: study.bankId === BUNDLED_BANK_ID ? vscode.l10n.t('current') : undefined,
            value: '',
          },
          ...(found.length
            ? [{ label: vscode.l10n.t('Markdown and card files in the workspace'), kind: vscode.QuickPickItemKind.Separator } as BankPick]
            : []),
          ...found
            .sort((a, b) => a.path.localeCompare(b.path))
            .map((uri) => ({
              label: `${tableFormatOf(uri.path) ? '$(table)' : '$(markdown)'} ${baseName(uri.path)}`,
              description: vscode.workspace.asRelativePath(uri, false),
              detail: platform.fileOf(uri) === current ? vscode.l10n.t('current') : undefined,
              value: platform.settingValueFor(uri),
            })),
          { label: '', kind: vscode.QuickPickItemKind.Separator },
          { label: `$(folder-opened) ${vscode.l10n.t('Choose a File…')}`, browse: true },
        ];
        const picked = await vscode.window.showQuickPick(items, {
          placeHolder: vscode.l10n.t('The question bank to study in this workspace'),
          matchOnDescription: true,
        });
        if (!picked) return;
        if (picked.browse) {
          const uris = await vscode.window.showOpenDialog({
            canSelectMany: false,
            openLabel: vscode.l10n.t('Study This Bank'),
            filters: {
              [vscode.l10n.t('Question banks')]: ['md', 'markdown', 'mdx', 'csv', 'tsv', 'txt'],
              Markdown: ['md', 'markdown', 'mdx'],
              [vscode.l10n.t('Cards (CSV, TSV, Anki text)')]: ['csv', 'tsv', 'txt'],
            },
          });
          if (!uris?.[0]) return;
          value = platform.settingValueFor(uris[0]);
        } else value = picked.value;
      }
      await writeBankFile(value ?? '');
      await follower.reload();
    }),

    command(COMMANDS.revealInBank, async (arg?: unknown) => {
      const id = host.currentQuestion(arg);
      const entry = id === undefined ? undefined : study.entry(id);
      if (!entry) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open or select a question first, then reveal it in its bank file.'));
        return;
      }
      const line = Math.max(0, entry.question.line - 1);
      await vscode.window.showTextDocument(platform.uriOf(follower.current.file), {
        selection: new vscode.Range(line, 0, line, 0),
        viewColumn: vscode.ViewColumn.One,
        preview: true,
      });
    }),

    command(COMMANDS.showProblems, async () => {
      const { file, bank, error } = follower.current;
      if (!error && bank.problems.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('The question bank {0} has no problems.', baseName(file)));
        return;
      }
      // The learner's own bank: its problems are diagnostics, in the Problems panel and at their lines.
      if (study.bankId !== BUNDLED_BANK_ID) await vscode.commands.executeCommand('workbench.actions.view.problems');
      else host.output.show(true);
    }),
  ];
}
