// One cold activation in a fresh process: require the bundle and run activate() against the fake
// API; prints the milliseconds. Run by scripts/bench.mjs several times for a median.
'use strict';
const Module = require('node:module');
const { join } = require('node:path');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const fake = require('../../test/fakes/vscode.cjs');
const Memento = require('../../test/fakes/memento.cjs');
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? fake : load.call(this, request, ...rest);
};
const root = join(__dirname, '../..');
// The extension host has these built-in modules loaded long before any extension activates;
// loading them here first keeps Node's own start-up out of the extension's figure.
for (const m of ['node:fs', 'node:fs/promises', 'node:crypto', 'node:os', 'node:path', 'node:worker_threads', 'node:url']) require(m);
require('node:crypto').createHash('sha256').update('warm up').digest();
performance.now();
(async () => {
  const start = performance.now();
  const ext = require(join(root, 'dist/extension.js'));
  const required = performance.now();
  const storage = mkdtempSync(join(tmpdir(), 'django-prep-bench-'));
  // Removed when the process ends, after the journal's last write (each run made a new folder).
  process.on('exit', () => rmSync(storage, { recursive: true, force: true }));
  const context = {
    subscriptions: [],
    extensionUri: fake.Uri.file(root),
    globalStorageUri: fake.Uri.file(storage),
    workspaceState: new Memento(),
    globalState: new Memento(),
  };
  const api = await ext.activate(context);
  const done = performance.now();
  if (api.study.entries.length !== 256) throw new Error(`activation loaded ${api.study.entries.length} questions`);
  process.stdout.write(JSON.stringify({ total: done - start, require: required - start, activate: done - required }));
  // As the extension host does on shutdown: the journal's watcher and poll end with the rest.
  for (const d of context.subscriptions) d.dispose();
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
