// Runs test suites in a real VS Code: code-server (VS Code's workbench served to a browser, with the
// ordinary Node extension host) opened in Debian's Chromium through playwright-core.
import { mkdtempSync, mkdirSync, rmSync, existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, startCodeServer, chromiumPath, missingSystemPackages, ensureCodeServer } from './code-server.mjs';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
export const EXTENSION_ID = `${pkg.publisher}.${pkg.name}`;

export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** Fails with the exact Debian packages to install when the machine lacks them. */
export function checkPrerequisites() {
  const missing = missingSystemPackages();
  if (missing.length) {
    throw new Error(
      `The real-VS-Code tests need these Debian packages: ${missing.join(' ')}\n` +
        `Install them with: sudo apt-get install -y ${missing.join(' ')}   (.ci/run does this as root)`,
    );
  }
  ensureCodeServer();
}

/**
 * Debian's Chromium, headless. A persistent profile (profileDir) allows third-party cookies: without
 * that Chromium refuses the webviews' service worker in VS Code for the Web ("The user denied
 * permission to use Service Worker": a webview's origin, <hash>.localhost, is third-party to the
 * workbench's) and no page's script loads; code-server serves its webviews from its own origin.
 */
export async function launchBrowser(profileDir) {
  const { chromium } = await import('playwright-core');
  if (profileDir) {
    const prefs = join(profileDir, 'Default', 'Preferences');
    if (!existsSync(prefs)) {
      mkdirSync(dirname(prefs), { recursive: true });
      writeFileSync(prefs, JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
    }
    return chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath(),
      headless: true,
      args: BROWSER_ARGS,
      viewport: { width: 1400, height: 900 },
    });
  }
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: BROWSER_ARGS });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const close = context.close.bind(context);
  context.close = async () => {
    await close();
    await browser.close();
  };
  return context;
}

export function tempDir(prefix) {
  return mkdtempSync(join(tmpdir(), `django-prep-${prefix}-`));
}

/** A workspace folder for the tests, with one Python file so the editor has something beside the page. */
export function makeWorkspace(dir = tempDir('workspace')) {
  mkdirSync(dir, { recursive: true });
  if (existsSync(join(dir, 'views.py'))) return dir;
  writeFileSync(join(dir, 'views.py'), 'from django.http import HttpResponse\n\n\ndef index(request):\n    return HttpResponse("Hello")\n');
  return dir;
}

/** User settings for test and demo runs: no walkthrough in front, no telemetry. */
export function writeUserSettings(userDataDir, extra = {}) {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.colorTheme': 'Default Dark Modern',
    'telemetry.telemetryLevel': 'off',
    'extensions.ignoreRecommendations': true,
    // The sample workspace of `npm start` sits inside this repository: no question about it.
    'git.openRepositoryInParentFolders': 'never',
    ...extra,
  };
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

/** Installs the extension into an extensions dir as a link to this checkout (its built dist/ and media/). */
export function linkExtension(extensionsDir) {
  mkdirSync(extensionsDir, { recursive: true });
  const target = join(extensionsDir, `${EXTENSION_ID}-${pkg.version}`);
  if (!existsSync(target)) symlinkSync(ROOT, target, 'dir');
}

/**
 * Packages the extension as a .vsix (vsce, the way it would be published: .vscodeignore decides
 * what goes in) and installs it into an extensions dir with code-server --install-extension.
 * Returns the .vsix path. Tests that then run against the installed copy prove nothing the
 * extension needs was left out.
 */
export function installVsix(extensionsDir) {
  const bin = ensureCodeServer();
  const out = join(tempDir('vsix'), `${pkg.name}-${pkg.version}.vsix`);
  const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', out], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  mkdirSync(extensionsDir, { recursive: true });
  execFileSync(bin, ['--extensions-dir', extensionsDir, '--install-extension', out], { stdio: ['ignore', 'ignore', 'inherit'] });
  return out;
}

/**
 * Answers VS Code's trust dialog, which a folder opened for the first time in a browser profile
 * shows (workspace trust stays on in every test): "Yes, I trust the authors", or with
 * `trust: false` "No, I don't trust the authors" (Restricted Mode). Rejects when no dialog came.
 */
export async function answerTrust(page, trust, timeoutMs = 60000) {
  const name = trust ? 'Yes, I trust the authors' : "No, I don't trust the authors";
  await page.locator('.monaco-dialog-box').getByRole('button', { name, exact: true }).click({ timeout: timeoutMs });
}

/** Clicks "Trust" in the Workspace Trust editor once it is open (Manage Workspace Trust). */
export async function trustInEditor(page, timeoutMs = 60000) {
  await page.locator('.workspace-trust-editor').getByRole('button', { name: 'Trust', exact: true }).click({ timeout: timeoutMs });
}

/**
 * The extension-host suites: the files of out/test/integration/ with this suffix, and the
 * workspace each opens.
 *  - `test`: the whole suite, in a folder the learner trusted;
 *  - `restricted`: Restricted Mode, in a folder not trusted, whose `.vscode/settings.json` names a
 *    bank file and a notes folder outside it (DJANGO_PREP_TEST_OUTSIDE), with notes as files;
 *  - `multiroot`: a trusted two-folder workspace (a `.code-workspace` file) whose settings are
 *    spread over the workspace file and the second folder.
 */
export const SUITES = ['test', 'restricted', 'multiroot'];

function prepareSuite(suite, work) {
  if (suite === 'multiroot') {
    const root = join(work, 'multi');
    for (const f of ['a', 'b']) makeWorkspace(join(root, f));
    mkdirSync(join(root, 'b', 'banks'), { recursive: true });
    mkdirSync(join(root, 'b', '.vscode'), { recursive: true });
    writeFileSync(join(root, 'b', '.vscode', 'settings.json'), JSON.stringify({ 'djangoPrep.bankFile': 'banks/b.md' }, null, 2));
    writeFileSync(join(root, 'b', 'banks', 'b.md'), '# B\n\n## From folder b\n\n### 1. Whose bank is this?\n\nThe second folder’s.\n');
    const file = join(root, 'study.code-workspace');
    writeFileSync(
      file,
      JSON.stringify({ folders: [{ path: 'a' }, { path: 'b' }], settings: { 'djangoPrep.notesFolder': 'shared-notes' } }, null, 2),
    );
    return { query: `workspace=${encodeURIComponent(file)}`, cleanup: root, settings: { 'djangoPrep.notesLocation': 'folder' } };
  }
  const folder = makeWorkspace();
  if (suite === 'restricted') {
    const outside = join(work, 'outside');
    mkdirSync(join(outside, 'notes'), { recursive: true });
    writeFileSync(
      join(outside, 'bank.md'),
      '# Outside\n\n## Outside the folder\n\n### 1. Where does this bank live?\n\nOutside the workspace folder.\n',
    );
    mkdirSync(join(folder, '.vscode'), { recursive: true });
    // As a cloned repository might: comments and a trailing comma (JSON with comments).
    writeFileSync(
      join(folder, '.vscode', 'settings.json'),
      `{\n  // Both reach outside the folder.\n  "djangoPrep.bankFile": ${JSON.stringify(join(outside, 'bank.md'))},\n ` +
        ` "djangoPrep.notesFolder": ${JSON.stringify(join(outside, 'notes'))},\n}\n`,
    );
    process.env.DJANGO_PREP_TEST_OUTSIDE = outside;
    return { query: `folder=${encodeURIComponent(folder)}`, cleanup: folder, settings: { 'djangoPrep.notesLocation': 'folder' } };
  }
  return { query: `folder=${encodeURIComponent(folder)}`, cleanup: folder, settings: {} };
}

/**
 * Runs out/test/integration/index.js inside code-server's extension host through the payload URL.
 * The extension host exits 0 even when run() throws, so results come back through a file.
 *
 * Workspace trust is on. The folder is trusted before the suite runs, as a learner trusts it:
 * Manage Workspace Trust, then "Trust"; the `restricted` suite does that only in its last test.
 */
export async function runIntegration({ timeoutMs = 240000, suite = 'test' } = {}) {
  checkPrerequisites();
  const work = tempDir('integration');
  const results = join(work, 'results.json');
  const { query, cleanup, settings } = prepareSuite(suite, work);
  process.env.DJANGO_PREP_TEST_RESULTS = results;
  process.env.DJANGO_PREP_TEST_SUITE = suite;
  writeUserSettings(join(work, 'user-data'), settings);
  const server = await startCodeServer({
    userDataDir: join(work, 'user-data'),
    extensionsDir: join(work, 'extensions'),
  });
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(ROOT)],
    ['extensionTestsPath', remote(join(ROOT, 'out/test/integration/index.js'))],
  ]);
  const url = `${server.url}?${query}&payload=${encodeURIComponent(payload)}`;
  const context = await launchBrowser();
  const consoleLines = [];
  try {
    const page = await context.newPage();
    page.on('console', (m) => consoleLines.push(m.text()));
    await page.goto(url);
    // An Extension Development Host opens in Restricted Mode without asking. The suite opens the
    // trust editor when it needs the folder trusted (index.ts, or the last Restricted Mode test);
    // "Trust" is clicked then. A test waiting for trust fails on its own if this never happens.
    void trustInEditor(page, timeoutMs).catch(() => undefined);
    const start = Date.now();
    while (!existsSync(results)) {
      if (Date.now() - start > timeoutMs) {
        throw new Error(`extension-host tests wrote no results within ${timeoutMs / 1000} s\n${consoleLines.slice(-20).join('\n')}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    await new Promise((r) => setTimeout(r, 200));
    const report = JSON.parse(readFileSync(results, 'utf8'));
    for (const t of report.tests) {
      console.log(`  ${t.state === 'passed' ? '✔' : '✘'} ${t.title}${t.error ? `\n      ${t.error.split('\n').join('\n      ')}` : ''}`);
    }
    if (report.error) console.log(`  ✘ the suite did not run: ${report.error}`);
    const passed = report.tests.filter((t) => t.state === 'passed').length;
    return { passed, failed: report.tests.length - passed + (report.error ? 1 : 0) };
  } finally {
    for (const name of ['DJANGO_PREP_TEST_RESULTS', 'DJANGO_PREP_TEST_SUITE', 'DJANGO_PREP_TEST_OUTSIDE']) delete process.env[name];
    await context.close().catch(() => {});
    await server.stop();
    rmSync(work, { recursive: true, force: true });
    rmSync(cleanup, { recursive: true, force: true });
  }
}
