// `npm start`: builds the extension and opens it in a real VS Code: desktop `code` with
// --extensionDevelopmentPath when there is one, otherwise code-server on 127.0.0.1 (printing the URL).
// `npm start -- --web` serves VS Code for the Web instead, the extension in the browser's own
// extension host, on localhost (printing the URL).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildAll } from './build.mjs';
import { ROOT, startCodeServer } from './code-server.mjs';
import { linkExtension, makeWorkspace, writeUserSettings } from './vscode-harness.mjs';

function hasDesktopCode() {
  try {
    execFileSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' });
    // code-server also installs a `code` shim on some setups; desktop VS Code answers --version with 3 lines.
    const out = execFileSync('code', ['--version'], { encoding: 'utf8', timeout: 15000 });
    return out.trim().split('\n').length >= 3;
  } catch {
    return false;
  }
}

await buildAll();
const args = process.argv.slice(2);
const web = args.includes('--web');
const folder = args.find((a) => a !== '--web') || process.env.DJANGO_PREP_WORKSPACE || ROOT;

/** Stops the server on Ctrl+C, a SIGTERM, or when npm start itself went away. */
function stopOnSignals(name, stopServer) {
  // `npm start` runs this script through a shell that does not pass npm's signals on, so a
  // parent that went away (this process handed to init) counts as the same request.
  let stopping = false;
  const stop = async (why) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${why}: stopping ${name}...`);
    await stopServer();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGHUP', () => void stop('SIGHUP'));
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void stop('npm start was stopped');
  }, 500).unref();
}

if (web) {
  const { serveWeb } = await import('./web-harness.mjs');
  const state = join(ROOT, '.vscode-test', 'start');
  console.log('Starting VS Code for the Web (the extension in the browser’s extension host)...');
  const server = await serveWeb({
    folder: folder === ROOT ? makeWorkspace(join(state, 'workspace')) : folder,
    port: Number(process.env.PORT) || 8081,
  });
  console.log(
    `\nVS Code for the Web with Django Interview Prep is running at:\n\n  ${server.url}\n\n` +
      'Open it in Chromium or Chrome (its data stays in that browser; the question ' +
      'pages need third-party cookies allowed for localhost). Press Ctrl+C to stop.',
  );
  stopOnSignals('the server', () => server.stop());
} else if (hasDesktopCode()) {
  console.log(`Opening VS Code with the extension from ${ROOT}`);
  spawn('code', ['--extensionDevelopmentPath', ROOT, folder], { stdio: 'inherit', detached: true }).unref();
} else {
  const state = join(ROOT, '.vscode-test', 'start');
  const extensionsDir = join(state, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  linkExtension(extensionsDir);
  if (!existsSync(join(state, 'user-data', 'User', 'settings.json'))) writeUserSettings(join(state, 'user-data'));
  const port = Number(process.env.PORT) || 8080;
  console.log('No desktop VS Code found: starting code-server (VS Code in the browser)...');
  const server = await startCodeServer({
    userDataDir: join(state, 'user-data'),
    extensionsDir,
    // A sample workspace that stays put, so progress and notes carry over between runs.
    folder: folder === ROOT ? makeWorkspace(join(state, 'workspace')) : folder,
    port,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  console.log(
    `\nVS Code with Django Interview Prep is running at:\n\n  ${server.url}\n\nOpen ` +
      `it in a browser (its data stays in .vscode-test/start). Press Ctrl+C to stop.`,
  );
  // Ctrl+C or a SIGTERM stops code-server and waits for it to exit.
  stopOnSignals('code-server', () => server.stop());
  server.child.on('exit', (code) => {
    console.log(`code-server exited (${code})`);
    process.exit(code ?? 1);
  });
}
