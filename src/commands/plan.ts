// The interview date: Set Interview Date… (this workspace's bank; a date in the past or one that is
// no date is refused) and Clear Interview Date. The plan itself is review/plan.ts.
import * as vscode from 'vscode';
import type { Study } from '../progress/study';
import { COMMANDS } from '../shared/ids';
import { daysUntil, parsePlanDate } from '../review/plan';
import { command, type Command } from './registry';

/** Why a date is refused, or undefined when it is a day after today. */
export function refusedDate(text: string, now: number): string | undefined {
  const date = parsePlanDate(text);
  if (date === undefined) return vscode.l10n.t('Write the date as YYYY-MM-DD, for example 2027-01-15.');
  if (daysUntil(date, now) < 1) return vscode.l10n.t('The interview date must be after today.');
  return undefined;
}

const isoDay = (at: number) => {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function planCommands(study: Study): Command[] {
  return [
    // An argument (a test, a keybinding) is checked as typed text is; true when the date is set.
    command(COMMANDS.setInterviewDate, async (arg?: unknown): Promise<boolean> => {
      const now = study.now();
      let text: string | undefined;
      if (typeof arg === 'string') {
        const refused = refusedDate(arg, now);
        if (refused) {
          void vscode.window.showErrorMessage(refused);
          return false;
        }
        text = arg;
      } else {
        const current = study.interviewDate();
        text = await vscode.window.showInputBox({
          title: vscode.l10n.t('Interview Date'),
          prompt: vscode.l10n.t('The day of your interview: the plan spreads the questions you have not seen over the days until then.'),
          placeHolder: 'YYYY-MM-DD',
          value: isoDay(current ?? now + 30 * 86_400_000),
          validateInput: (value) => refusedDate(value, study.now()),
        });
        if (text === undefined) return false;
      }
      await study.setInterviewDate(parsePlanDate(text)!);
      return true;
    }),
    command(COMMANDS.clearInterviewDate, () => study.setInterviewDate(undefined)),
  ];
}
