// The browser's extension host runs the same extension-host suite as Node's: test/web/suite.ts
// requires each file by name (a bundle needs them spelled out), so a new file must be listed there.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, readRepoFile } from './helpers';

describe('the extension-host suite in VS Code for the Web', () => {
  it('requires every file of test/integration/', () => {
    const files = readdirSync(join(ROOT, 'test/integration')).filter((f) => f.endsWith('.test.ts'));
    assert.ok(files.length >= 6);
    const suite = readRepoFile('test/web/suite.ts');
    const required = [...suite.matchAll(/require\('\.\.\/integration\/([^']+)'\)/g)].map((m) => `${m[1]}.ts`);
    assert.deepEqual(required.sort(), files.sort());
  });
});
