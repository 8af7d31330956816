// Entry point the extension host loads (extensionTestsPath): runs the *.test.js files beside it with
// mocha and writes the results to DJANGO_PREP_TEST_RESULTS, because the host's exit code says nothing.
// The same run() contract serves @vscode/test-electron on a desktop (npm run test:desktop).
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

interface Result {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  error?: string;
}

/**
 * Trusts the folder as a learner does: Manage Workspace Trust, then "Trust", which the harness
 * clicks (an Extension Development Host opens in Restricted Mode without asking). Fails after a minute.
 */
async function trusted(): Promise<void> {
  // Required, not imported: VS Code 1.82's extension host has no ES module named 'vscode'.
  const vscode = require('vscode') as typeof import('vscode');
  if (vscode.workspace.isTrusted) return;
  const granted = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the folder was not trusted within a minute (the trust editor’s "Trust" not clicked?)')),
      60000,
    );
    vscode.workspace.onDidGrantWorkspaceTrust(() => (clearTimeout(timer), resolve()));
  });
  await vscode.commands.executeCommand('workbench.trust.manage');
  await granted;
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export async function run(): Promise<void> {
  const results: Result[] = [];
  const out = process.env.DJANGO_PREP_TEST_RESULTS;
  const write = (error?: string) => {
    if (out) writeFileSync(out, JSON.stringify({ tests: results, error }, null, 2));
  };
  try {
    const { default: Mocha } = (await import('mocha')) as unknown as { default: typeof import('mocha') };
    // The repository's .mocharc.json (forbidPending: a skipped test fails), read by mocha's own loader.
    let root = __dirname;
    while (!existsSync(join(root, 'package.json')) && dirname(root) !== root) root = dirname(root);
    const { loadRc } = require('mocha/lib/cli/options.cjs') as { loadRc(o: { config: string }): Record<string, unknown> | undefined };
    const { spec: _spec, ...rc } = loadRc({ config: join(root, '.mocharc.json') }) ?? {};
    const mocha = new Mocha({ ...rc, ui: 'bdd', color: false });
    // Workspace trust is on, as for a learner; the folder is trusted as a learner trusts it. The
    // suite named by DJANGO_PREP_TEST_SUITE (scripts/vscode-harness.mjs) runs: `test` (the
    // default, as on a desktop) and `multiroot` in a trusted workspace, `restricted` in a folder
    // not trusted yet.
    const suite = process.env.DJANGO_PREP_TEST_SUITE ?? 'test';
    if (suite !== 'restricted') await trusted();
    const suffix = `.${suite}.js`;
    for (const f of readdirSync(__dirname)
      .filter((f) => f.endsWith(suffix))
      .sort())
      mocha.addFile(join(__dirname, f));
    await mocha.loadFilesAsync();
    const failures = await new Promise<number>((resolve) => {
      const runner = mocha.run(resolve);
      runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed' }));
      runner.on('fail', (t, err) =>
        results.push({ title: t.fullTitle(), state: 'failed', error: String(err?.stack ?? err).slice(0, 2000) }),
      );
      runner.on('pending', (t) => results.push({ title: t.fullTitle(), state: 'pending', error: 'skipped' }));
    });
    write();
    if (failures) throw new Error(`${failures} extension-host test(s) failed`);
  } catch (err) {
    if (!results.some((r) => r.state === 'failed')) write(String((err as Error)?.stack ?? err));
    throw err;
  }
}
