// `npm start` and `npm test` on a fresh clone: installs the dependencies first (npm ci) when
// node_modules is missing or older than package-lock.json, then runs the named script with the
// remaining arguments. Imports nothing but Node's own modules, so it runs before any install.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node scripts/run.mjs SCRIPT.mjs [ARGS...]');
  process.exit(2);
}

const lock = join(ROOT, 'package-lock.json');
// npm writes this after every install: its age says whether node_modules matches the lock file.
const installed = join(ROOT, 'node_modules', '.package-lock.json');
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  console.log(
    existsSync(installed)
      ? 'package-lock.json changed: installing the dependencies (npm ci)...'
      : 'Installing the dependencies (npm ci, first run only)...',
  );
  const npm = process.env.npm_execpath;
  const [cmd, pre] = npm && npm.endsWith('.js') ? [process.execPath, [npm]] : ['npm', []];
  // @vscode/test-web depends on Playwright's Chromium package, whose install script downloads a
  // browser: the tests use Debian's (package.json's allowScripts denies it; this, for older npm).
  execFileSync(cmd, [...pre, 'ci', '--no-audit', '--no-fund'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  });
}

process.argv = [process.argv[0], join(ROOT, 'scripts', script), ...args];
await import(pathToFileURL(join(ROOT, 'scripts', script)).href);
