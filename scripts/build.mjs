// One esbuild script: the extension (CommonJS for Node, 'vscode' external), the page script
// (browser IIFE into media/), and with --tests the test suites into out/.
import { build } from 'esbuild';
import { readdirSync, existsSync, rmSync, mkdirSync, copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownSpeed } from './markdown-speed.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const production = !args.has('--dev');

const common = {
  bundle: true,
  logLevel: 'warning',
  sourcemap: production ? false : 'linked',
  legalComments: 'none',
  plugins: [markdownSpeed],
};

function entries(dir) {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true })
    .filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => join(abs, f));
}

/** The codicon font for the page, copied from @vscode/codicons (the same icons the workbench uses). */
function copyCodicons() {
  const from = join(root, 'node_modules/@vscode/codicons/dist');
  const to = join(root, 'media/codicons');
  mkdirSync(to, { recursive: true });
  for (const f of ['codicon.css', 'codicon.ttf']) copyFileSync(join(from, f), join(to, f));
}

/** Runs a TypeScript module of src/ in this process (bundled in memory by esbuild). */
export async function loadTs(entry, { external = [] } = {}) {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'error',
    external,
    plugins: [markdownSpeed],
  });
  const dir = mkdtempSync(join(tmpdir(), 'django-prep-ts-'));
  const file = join(dir, 'module.cjs');
  writeFileSync(file, result.outputFiles[0].text);
  try {
    return createRequire(import.meta.url)(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Node's extension bundle takes MiniSearch from the parser's bundle (dist/bank-worker.js, which
 * exports it) at its first search: 17 KB less to load at activation. The parser's bundle is next
 * to it in dist/, and is loaded on first use anyway (the notes' Preview, a bank parsed inline).
 */
const MINISEARCH_FROM_WORKER = {
  name: 'minisearch-from-worker',
  setup(b) {
    b.onResolve({ filter: /^minisearch$/ }, () => ({ path: 'minisearch', namespace: 'from-worker' }));
    b.onLoad({ filter: /.*/, namespace: 'from-worker' }, () => ({
      loader: 'js',
      contents: `let loaded;
const load = () => (loaded ??= require(require('path').join(__dirname, 'bank-worker.js')).MiniSearch);
module.exports = new Proxy(function MiniSearch() {}, {
  construct: (_, args) => new (load())(...args),
  get: (target, key) => (key === '__esModule' ? undefined : key in target && key !== 'prototype' ? target[key] : load()[key]),
});`,
    }));
  },
};
/** Node's extension bundle (CommonJS, 'vscode' external). */
const NODE_EXTENSION_BUNDLE = {
  entryPoints: [join(root, 'src/extension.ts')],
  outfile: join(root, 'dist/extension.js'),
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  external: ['vscode'],
  plugins: [markdownSpeed, MINISEARCH_FROM_WORKER],
};

/** The pages' scripts: the question page, the report pages (summaries, statistics) and the mock interview. */
const WEBVIEW_SCRIPTS = [
  ['webview/main.ts', 'media/page.js'],
  ['webview/report.ts', 'media/report.js'],
  ['webview/mock.ts', 'media/mock.js'],
];

/**
 * The browser's extension host (VS Code for the Web) runs extensions in a web worker, without a
 * DOM: the `worker` condition picks packages' builds for that (decode-named-character-reference's
 * `browser` build needs `document`).
 */
const WEB = { platform: 'browser', target: 'es2022', conditions: ['worker'] };
/**
 * The parser's bundle serves both hosts (a worker thread in Node, a Web Worker in the browser), so
 * it is built the web's way, CommonJS for Node's require; the one Node module it uses is loaded
 * only in Node.
 */
const WORKER_BUNDLE = {
  ...WEB,
  entryPoints: [join(root, 'src/bank/worker.ts')],
  outfile: join(root, 'dist/bank-worker.js'),
  format: 'cjs',
  external: ['node:worker_threads'],
};
const WEB_EXTENSION_BUNDLE = {
  ...WEB,
  entryPoints: [join(root, 'src/web.ts')],
  outfile: join(root, 'dist/web/extension.js'),
  format: 'cjs',
  external: ['vscode'],
};

/** Parses the bundled banks at build time into dist/bank-cache, so activation only reads them. */
async function precomputeBundledBanks() {
  const { precompute } = await loadTs('src/bank/precompute.ts');
  const dir = join(root, 'questions');
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
    await precompute(join(dir, f), join(root, 'dist/bank-cache'));
  }
}

export async function buildAll({ tests = false } = {}) {
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  // A source map left by a dev or watch build must not ship beside a production page script.
  if (production) for (const [, out] of WEBVIEW_SCRIPTS) rmSync(join(root, `${out}.map`), { force: true });
  copyCodicons();
  const jobs = [];
  if (existsSync(join(root, 'src/extension.ts'))) jobs.push(build({ ...common, ...NODE_EXTENSION_BUNDLE, minify: production }));
  for (const bundle of [WORKER_BUNDLE, WEB_EXTENSION_BUNDLE]) jobs.push(build({ ...common, ...bundle, minify: production }));
  for (const [entry, out] of WEBVIEW_SCRIPTS) {
    if (!existsSync(join(root, entry))) continue;
    jobs.push(
      build({
        ...common,
        entryPoints: [join(root, entry)],
        outfile: join(root, out),
        platform: 'browser',
        format: 'iife',
        target: 'es2022',
        minify: production,
      }),
    );
  }
  if (tests) {
    rmSync(join(root, 'out'), { recursive: true, force: true });
    for (const kind of ['unit', 'integration', 'e2e']) {
      const files = entries(`test/${kind}`);
      if (!files.length) continue;
      jobs.push(
        build({
          ...common,
          sourcemap: 'inline',
          entryPoints: files,
          outdir: join(root, 'out/test', kind),
          outbase: join(root, 'test', kind),
          platform: 'node',
          format: 'cjs',
          target: 'node20',
          // mocha, playwright-core and fast-check are loaded from node_modules at run time.
          external: ['vscode', 'mocha', 'playwright-core', 'fast-check'],
        }),
      );
    }
  }
  if (tests && existsSync(join(root, 'test/web/suite.ts'))) {
    // The extension-host tests for the browser's extension host: one browser bundle, with the
    // assertions they import from Node given by a small module of the same shape.
    jobs.push(
      build({
        ...common,
        sourcemap: 'inline',
        entryPoints: [join(root, 'test/web/suite.ts')],
        outfile: join(root, 'out/test/web/suite.js'),
        ...WEB,
        format: 'cjs',
        external: ['vscode'],
        alias: { 'node:assert/strict': join(root, 'test/web/assert.ts') },
      }),
    );
  }
  await Promise.all(jobs);
  await precomputeBundledBanks();
  return jobs.length;
}

/**
 * `npm run watch` (the default build task of .vscode/tasks.json, run by F5): rebuilds the
 * extension, the worker and the page on every change. Prints "[watch] build started/finished"
 * and each problem as "file:line:column: error: message", which the task's problem matcher reads.
 */
async function watchAll() {
  const { context } = await import('esbuild');
  copyCodicons();
  // One "started" and one "finished" for the three bundles together, so F5 waits for all three.
  let running = 0;
  const reporter = {
    name: 'problem-lines',
    setup(b) {
      b.onStart(() => {
        if (running++ === 0) console.log('[watch] build started');
      });
      b.onEnd((result) => {
        for (const m of [...result.errors.map((e) => ['error', e]), ...result.warnings.map((w) => ['warning', w])]) {
          const [kind, { text, location }] = m;
          console.log(
            location ? `${resolve(root, location.file)}:${location.line}:${location.column + 1}: ${kind}: ${text}` : `${kind}: ${text}`,
          );
        }
        if (--running === 0) console.log('[watch] build finished');
      });
    },
  };
  const dev = { ...common, sourcemap: 'linked', logLevel: 'silent', plugins: [reporter, markdownSpeed] };
  const contexts = await Promise.all([
    context({ ...dev, ...NODE_EXTENSION_BUNDLE, plugins: [reporter, ...NODE_EXTENSION_BUNDLE.plugins] }),
    ...[WORKER_BUNDLE, WEB_EXTENSION_BUNDLE].map((bundle) => context({ ...dev, ...bundle })),
    ...WEBVIEW_SCRIPTS.map(([entry, out]) =>
      context({
        ...dev,
        entryPoints: [join(root, entry)],
        outfile: join(root, out),
        platform: 'browser',
        format: 'iife',
        target: 'es2022',
      }),
    ),
  ]);
  await precomputeBundledBanks();
  await Promise.all(contexts.map((c) => c.watch()));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (args.has('--watch')) await watchAll();
  else await buildAll({ tests: args.has('--tests') });
}
