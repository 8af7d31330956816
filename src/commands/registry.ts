// Every command, registered in one place. Each feature gives its commands as a list (study.ts's
// commands in register.ts, the notes', the bank's, the review's, the view's filter, the mock
// interview); registerAll registers them with VS Code and checks that each id of the table
// (shared/ids.ts COMMANDS, which package.json's contributes match) is given exactly once.
import * as vscode from 'vscode';
import { COMMANDS } from '../shared/ids';

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

export interface Command {
  readonly id: CommandId;
  /** Arguments come from menus (a tree node), links and code (an id): each command checks its own. */
  run(...args: unknown[]): unknown;
}

export const command = (id: CommandId, run: (...args: never[]) => unknown): Command => ({ id, run: run as Command['run'] });

/** Registers every command; throws when one of the table is missing or given twice (a wiring mistake, caught by the tests). */
export function registerAll(commands: readonly Command[]): vscode.Disposable {
  const ids = commands.map((c) => c.id);
  const missing = Object.values(COMMANDS).filter((id) => !ids.includes(id));
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (missing.length || twice.length)
    throw new Error(`commands: missing ${missing.join(', ') || 'none'}; given twice ${twice.join(', ') || 'none'}`);
  return vscode.Disposable.from(...commands.map((c) => vscode.commands.registerCommand(c.id, (...args: unknown[]) => c.run(...args))));
}
