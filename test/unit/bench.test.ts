// The bench's cold activation runs the built extension against the fake API (test/fakes/vscode.cjs):
// run here once, so a change to the extension that the fake lacks breaks a test, not the next bench.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

describe('the bench', () => {
  it('activates the built extension against the fake API, with the bundled bank', function () {
    this.timeout(30000);
    assert.ok(existsSync(join(ROOT, 'dist/extension.js')), 'dist/extension.js is built before the unit tests');
    const out = execFileSync(process.execPath, [join(ROOT, 'scripts/bench/activate.cjs')], { encoding: 'utf8' });
    const timings = JSON.parse(out) as { total: number };
    assert.ok(timings.total > 0);
  });
});
