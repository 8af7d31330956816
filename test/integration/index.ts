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
    for (const f of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(join(__dirname, f));
    await mocha.loadFilesAsync();
    const failures = await new Promise<number>((resolve) => {
      const runner = mocha.run(resolve);
      runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed' }));
      runner.on('fail', (t, err) => results.push({ title: t.fullTitle(), state: 'failed', error: String(err?.stack ?? err).slice(0, 2000) }));
      runner.on('pending', (t) => results.push({ title: t.fullTitle(), state: 'pending', error: 'skipped' }));
    });
    write();
    if (failures) throw new Error(`${failures} extension-host test(s) failed`);
  } catch (err) {
    if (!results.some((r) => r.state === 'failed')) write(String((err as Error)?.stack ?? err));
    throw err;
  }
}
