// Installs code-server (VS Code 1.100.3 served to a browser) into .vscode-test/ on first use,
// working around the three offline-install pitfalls described in shared/docs/testing-in-real-vscode.md.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, copyFileSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CODE_SERVER_VERSION = '4.100.3';
const PREFIX = join(ROOT, '.vscode-test', 'code-server');
export const CODE_SERVER_BIN = join(PREFIX, 'node_modules', '.bin', 'code-server');
const RIPGREP_CACHE = `vscode-ripgrep-cache-1.15.11`;
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

function which(cmd) {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/** The system packages the real-VS-Code tests need, with the Debian package that provides each. */
export function missingSystemPackages({ needBrowser = true } = {}) {
  const missing = [];
  if (needBrowser && !existsSync(chromiumPath())) missing.push('chromium');
  if (!isInstalled()) {
    if (!which('rg')) missing.push('ripgrep');
    if (!existsSync('/usr/include/krb5.h') && !existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
  }
  return missing;
}

export function chromiumPath() {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export function isInstalled() {
  return existsSync(CODE_SERVER_BIN) && existsSync(join(PREFIX, '.installed-' + CODE_SERVER_VERSION));
}

export function ensureCodeServer({ log = console.error } = {}) {
  if (isInstalled()) return CODE_SERVER_BIN;
  const missing = missingSystemPackages({ needBrowser: false });
  if (missing.length) {
    throw new Error(
      `code-server cannot be installed: missing system package(s): ${missing.join(' ')}.\n` +
        `Install them with: sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  log(`Installing code-server@${CODE_SERVER_VERSION} into .vscode-test/ (first run only, about two minutes)...`);
  // @vscode/ripgrep downloads rg from GitHub; its postinstall looks in this cache first.
  const cache = join(tmpdir(), RIPGREP_CACHE);
  mkdirSync(cache, { recursive: true });
  if (!existsSync(join(cache, RIPGREP_ASSET))) {
    const pack = mkdtempSync(join(tmpdir(), 'rgpack-'));
    copyFileSync(which('rg'), join(pack, 'rg'));
    execFileSync('tar', ['czf', join(cache, RIPGREP_ASSET), '-C', pack, 'rg']);
    rmSync(pack, { recursive: true, force: true });
  }
  mkdirSync(PREFIX, { recursive: true });
  writeFileSync(join(PREFIX, 'package.json'), '{"private":true}\n');
  execFileSync('npm', ['install', '--no-save', '--prefix', PREFIX, `code-server@${CODE_SERVER_VERSION}`], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, npm_config_unsafe_perm: 'true', npm_config_yes: 'true', npm_config_loglevel: 'error' },
  });
  if (!existsSync(CODE_SERVER_BIN)) throw new Error('code-server install finished but its binary is missing');
  writeFileSync(join(PREFIX, '.installed-' + CODE_SERVER_VERSION), '');
  return CODE_SERVER_BIN;
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

async function waitForHttp(url, timeoutMs, child) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`code-server exited early with code ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer at ${url} within ${timeoutMs} ms`);
}

/**
 * Starts code-server on 127.0.0.1 and resolves once it answers HTTP.
 * Returns { url, port, child, stop() }.
 */
export async function startCodeServer({ userDataDir, extensionsDir, folder, port, stdio = 'ignore', extraArgs = [], env = {} }) {
  const bin = ensureCodeServer();
  port = port || (await freePort());
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    ...extraArgs,
  ];
  if (folder) args.push(folder);
  const child = spawn(bin, args, { stdio, detached: false, env: { ...process.env, VSCODE_PROXY_URI: '', ...env } });
  const url = `http://127.0.0.1:${port}/`;
  await waitForHttp(url + 'healthz', 60000, child);
  return {
    url,
    port,
    child,
    stop: () =>
      new Promise((r) => {
        if (child.exitCode !== null) return r();
        child.once('exit', () => r());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(ensureCodeServer());
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
