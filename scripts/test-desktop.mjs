// `npm run test:desktop`: the extension-host suite in desktop VS Code through @vscode/test-electron.
// It downloads VS Code, so it needs internet (not available on the project's CI machines, where
// `npm test` runs the same suite inside code-server instead).
import { runTests } from '@vscode/test-electron';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAll } from './build.mjs';
import { ROOT } from './code-server.mjs';
import { makeWorkspace } from './vscode-harness.mjs';

await buildAll({ tests: true });
const results = join(mkdtempSync(join(tmpdir(), 'django-prep-desktop-')), 'results.json');
try {
  await runTests({
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(ROOT, 'out/test/integration/index.js'),
    launchArgs: [makeWorkspace(), '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: { DJANGO_PREP_TEST_RESULTS: results },
  });
} catch (err) {
  console.error(`desktop extension-host tests failed: ${err.message ?? err}`);
  process.exitCode = 1;
}
if (existsSync(results)) {
  const { tests } = JSON.parse(readFileSync(results, 'utf8'));
  const passed = tests.filter((t) => t.state === 'passed').length;
  console.log(`tests: ${passed} passed, ${tests.length - passed} failed`);
  if (passed !== tests.length) process.exitCode = 1;
} else if (!process.exitCode) {
  console.error('desktop extension-host tests wrote no results');
  process.exitCode = 1;
}
