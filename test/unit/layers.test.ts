// The layers of src/: the logic (bank/, progress/, review/, search/, export/, shared/, util/) never
// imports 'vscode' nor the folders that speak to the editor, so it stays testable in plain Node.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SRC = join(__dirname, '../../../src');
const PURE = ['bank', 'progress', 'review', 'search', 'export', 'shared', 'util'];
const EDITOR = ['tree', 'page', 'commands', 'notify', 'source', 'platform', 'chat'];

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

describe('the layers of src/', () => {
  for (const folder of PURE) {
    it(`${folder}/ imports neither 'vscode' nor the editor-facing folders`, () => {
      const files = readdirSync(join(SRC, folder)).filter((f) => f.endsWith('.ts'));
      assert.ok(files.length > 0);
      for (const f of files) {
        for (const spec of importsOf(join(SRC, folder, f))) {
          assert.notEqual(spec, 'vscode', `${folder}/${f} imports vscode`);
          assert.ok(!EDITOR.some((e) => spec.startsWith(`../${e}/`)), `${folder}/${f} imports ${spec}`);
        }
      }
    });
  }

  // The browser's extension host (#14) has no Node modules: the logic reaches the platform only
  // through small interfaces (bank/io.ts, bank/source.ts's BankPlatform, progress/journal.ts's
  // JournalDir; platform/ puts them together). The files below are the Node side of those.
  const NODE_ONLY = new Set([
    'bank/io-node.ts',
    'bank/source-node.ts',
    'bank/worker.ts',
    'bank/cli.ts',
    'bank/precompute.ts',
    'progress/journal-file.ts',
    'progress/note-files-node.ts',
  ]);
  for (const folder of PURE) {
    it(`${folder}/ imports no Node module outside its Node-only files`, () => {
      for (const f of readdirSync(join(SRC, folder)).filter((f) => f.endsWith('.ts'))) {
        if (NODE_ONLY.has(`${folder}/${f}`)) continue;
        for (const spec of importsOf(join(SRC, folder, f)))
          assert.ok(
            !spec.startsWith('node:') && !['fs', 'path', 'crypto', 'worker_threads'].includes(spec),
            `${folder}/${f} imports ${spec}`,
          );
      }
    });
  }

  // The project's own limit: a file a person can hold in their head.
  it('keeps every file of src/ and webview/ to 350 lines at most', () => {
    for (const dir of ['src', 'webview']) {
      for (const f of readdirSync(join(SRC, '..', dir), { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.ts'))) {
        const lines = readFileSync(join(SRC, '..', dir, f), 'utf8').split('\n').length;
        assert.ok(lines <= 351, `${dir}/${f} has ${lines} lines`);
      }
    }
  });

  // Prettier wraps code at 140 (.prettierrc.json) but leaves strings and comments whole.
  it('keeps every line of the code, its tests and scripts to 140 characters at most', () => {
    const long: string[] = [];
    for (const dir of ['src', 'webview', 'test', 'scripts']) {
      for (const f of readdirSync(join(SRC, '..', dir), { recursive: true })
        .map(String)
        .filter((f) => /\.(ts|mjs|cjs)$/.test(f) && !f.startsWith('fixtures'))) {
        readFileSync(join(SRC, '..', dir, f), 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (line.length > 140) long.push(`${dir}/${f}:${i + 1} (${line.length})`);
          });
      }
    }
    assert.deepStrictEqual(long, []);
  });
});
