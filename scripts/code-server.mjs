// Installs code-server (VS Code served to a browser: 1.100.3, or 1.82.2 for the oldest run) into .vscode-test/ on first use,
// working around the three offline-install pitfalls described in shared/docs/testing-in-real-vscode.md.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, copyFileSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/**
 * The VS Codes the tests run on, as code-server: the newest that runs on Node 20, and the oldest
 * near VS Code 1.80 on npm (package.json's `engines` says what these passed). DJANGO_PREP_VSCODE
 * picks one (default: newest).
 */
export const CODE_SERVERS = {
  newest: { version: '4.100.3', vscode: '1.100.3', ripgrepPackage: '1.15.11', prefix: 'code-server', env: {}, packages: [] },
  oldest: {
    version: '4.17.1',
    vscode: '1.82.2',
    ripgrepPackage: '1.15.5',
    prefix: 'code-server-4.17.1',
    // Built for Node 18: its postinstall refuses Node 20 unless told, and its kerberos module
    // compiles against Node 20's headers only with -fpermissive; its keytar needs libsecret.
    env: { FORCE_NODE_VERSION: '20', CXXFLAGS: '-fpermissive' },
    packages: [['libsecret-1-dev', '/usr/include/libsecret-1/libsecret/secret.h']],
  },
};
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

/** The code-server of this run. */
export function codeServer() {
  const name = process.env.DJANGO_PREP_VSCODE || 'newest';
  const cs = CODE_SERVERS[name];
  if (!cs) throw new Error(`DJANGO_PREP_VSCODE=${name}: use one of ${Object.keys(CODE_SERVERS).join(', ')}`);
  const prefix = join(ROOT, '.vscode-test', cs.prefix);
  return { name, ...cs, prefixDir: prefix, bin: join(prefix, 'node_modules', '.bin', 'code-server') };
}

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
    for (const [pkg, file] of codeServer().packages) if (!existsSync(file)) missing.push(pkg);
  }
  return missing;
}

export function chromiumPath() {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export function isInstalled() {
  const cs = codeServer();
  return existsSync(cs.bin) && existsSync(join(cs.prefixDir, '.installed-' + cs.version));
}

export function ensureCodeServer({ log = console.error } = {}) {
  const cs = codeServer();
  if (isInstalled()) return cs.bin;
  const missing = missingSystemPackages({ needBrowser: false });
  if (missing.length) {
    throw new Error(
      `code-server cannot be installed: missing system package(s): ${missing.join(' ')}.\n` +
        `Install them with: sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  log(`Installing code-server@${cs.version} (VS Code ${cs.vscode}) into .vscode-test/ (first run only, about two minutes)...`);
  // @vscode/ripgrep downloads rg from GitHub; its postinstall looks in this cache first.
  const cache = join(tmpdir(), `vscode-ripgrep-cache-${cs.ripgrepPackage}`);
  mkdirSync(cache, { recursive: true });
  if (!existsSync(join(cache, RIPGREP_ASSET))) {
    const pack = mkdtempSync(join(tmpdir(), 'rgpack-'));
    copyFileSync(which('rg'), join(pack, 'rg'));
    execFileSync('tar', ['czf', join(cache, RIPGREP_ASSET), '-C', pack, 'rg']);
    rmSync(pack, { recursive: true, force: true });
  }
  mkdirSync(cs.prefixDir, { recursive: true });
  writeFileSync(join(cs.prefixDir, 'package.json'), '{"private":true}\n');
  execFileSync('npm', ['install', '--no-save', '--prefix', cs.prefixDir, `code-server@${cs.version}`], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, npm_config_unsafe_perm: 'true', npm_config_yes: 'true', npm_config_loglevel: 'error', ...cs.env },
  });
  if (!existsSync(cs.bin)) throw new Error('code-server install finished but its binary is missing');
  writeFileSync(join(cs.prefixDir, '.installed-' + cs.version), '');
  return cs.bin;
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
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    // Workspace trust stays on, as for a learner: a folder opens with VS Code's trust dialog, which
    // the harnesses answer (vscode-harness.mjs answerTrust) as the test needs.
    '--disable-telemetry',
    '--disable-update-check',
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
