// Entry point of the browser's extension host tests (@vscode/test-web's extensionTestsPath): the
// whole extension-host suite (test/integration/, files through workspace.fs), run by mocha's
// browser build inside the web worker where the extension runs. A unit test checks that every
// file of the suite is required below. Each result is printed on a line of its
// own for the harness (scripts/web-harness.mjs), which counts them.
import 'mocha/mocha';

declare const mocha: {
  setup(o: Record<string, unknown>): void;
  run(done: (failures: number) => void): void;
};

type Runner = { on(event: string, fn: (test: { fullTitle(): string }, err?: { message?: string; stack?: string }) => void): void };

function reporter(runner: Runner): void {
  runner.on('pass', (t) => console.log(`[web-test] passed: ${t.fullTitle()}`));
  runner.on('fail', (t, err) =>
    console.log(`[web-test] failed: ${t.fullTitle()}\n${String(err?.stack ?? err?.message ?? err).slice(0, 1500)}`),
  );
  runner.on('pending', (t) => console.log(`[web-test] failed: ${t.fullTitle()} (skipped)`));
}

mocha.setup({ ui: 'bdd', reporter, timeout: 60000, forbidPending: true, forbidOnly: true, color: false });

function run(): Promise<void> {
  // Loaded after mocha.setup: their describe() calls need it.
  require('../integration/bank-file.test');
  require('../integration/extension.test');
  require('../integration/faults.test');
  require('../integration/notes-folder.test');
  require('../integration/notes.test');
  require('../integration/review.test');
  require('../integration/saving.test');
  require('../integration/workspace.test');
  require('./check-answer');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      console.log(`[web-test] end: ${failures} failed`);
      if (failures) reject(new Error(`${failures} test(s) failed in the browser's extension host`));
      else resolve();
    });
  });
}

// Assigned, not exported: the browser's extension host did not call a run() that the bundler
// exported through a getter (the test runner then waits for ever).
module.exports = { run };
