import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBankFile, BANK_MAX_BYTES } from '../../../src/bank/load';
import { parseDecoded } from '../../../src/bank/decode';
import { bankKey, bankToLines, decodeLines, encodeLines, linesToBank } from '../../../src/bank/cache';
import { nodeBankIo as io } from '../../../src/bank/io-node';
import { parseBank } from '../../../src/bank/parse';
import { ROOT } from '../helpers';

const WORKER = join(ROOT, 'dist/bank-worker.js');

describe('loading a bank file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'django-prep-load-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const bankText = ['# T', '', '## 1. A', '', '1. one **done**', '2. two `code`  ', '   details', '', '### 1B. Sub', '', '- three'].join(
    '\n',
  );

  it('round-trips a bank through cache lines', async () => {
    const bank = parseBank(bankText);
    const lines = bankToLines(bank, 'k');
    assert.deepEqual(await linesToBank(lines, 'k'), bank);
    assert.equal(await linesToBank(lines, 'other-key'), undefined, 'a stale key is not used');
    assert.equal(await linesToBank([lines[0], '{broken'], 'k'), undefined, 'damaged lines are not used');
    assert.equal(await linesToBank([lines[0]], 'k'), undefined, 'truncated lines are not used');
  });

  it('encodes and decodes cache lines a line at a time, pausing within a large cache', async () => {
    const lines = ['{"a":"é — 漢字 🎉"}', '', 'x'.repeat(700_000), '["\\n"]', 'y'.repeat(700_000)];
    let pauses = 0;
    const bytes = await encodeLines(lines, async () => void pauses++);
    assert.equal(new TextDecoder().decode(bytes), lines.map((l) => l + '\n').join(''));
    assert.ok(pauses >= 1, 'a pause after the first MB');
    assert.deepEqual([...decodeLines(bytes)], lines);
    assert.deepEqual([...decodeLines(new TextEncoder().encode('one\ntwo'))], ['one', 'two'], 'a file without the last newline');
    assert.deepEqual([...decodeLines(new Uint8Array())], []);
  });

  it('parses in the worker the first time and reads the cache the next', async () => {
    const file = join(dir, 'bank.md');
    writeFileSync(file, bankText);
    const cache = join(dir, 'cache');
    const cold = await loadBankFile(file, { io, cacheDirs: [cache], workerFile: WORKER, parseInline: () => assert.fail('not inline') });
    assert.equal(cold.via, 'worker');
    assert.deepEqual(cold.bank, parseBank(bankText, { fallbackTitle: 'bank' }));
    // The cache is written in the background after a parse: wait for it (its folder too).
    const cached = () => existsSync(cache) && readdirSync(cache).some((f) => f.endsWith('.ndjson'));
    for (let i = 0; i < 100 && !cached(); i++) await new Promise((r) => setTimeout(r, 20));
    const warm = await loadBankFile(file, { io, cacheDirs: [cache], workerFile: WORKER, parseInline: () => assert.fail('not inline') });
    assert.equal(warm.via, 'cache');
    assert.deepEqual(warm.bank, cold.bank);
    writeFileSync(file, bankText + '\n- four');
    const changed = await loadBankFile(file, { io, cacheDirs: [cache], workerFile: WORKER, parseInline: parseDecoded });
    assert.equal(changed.via, 'worker', 'a changed file is parsed again');
  });

  it('falls back to parsing on the calling thread when the worker cannot start', async () => {
    const file = join(dir, 'bank.md');
    writeFileSync(file, bankText);
    const loaded = await loadBankFile(file, { io, workerFile: join(dir, 'missing-worker.js'), parseInline: parseDecoded });
    assert.equal(loaded.via, 'inline');
    assert.equal(loaded.bank.sections.length, 1);
  });

  it('names the file when it cannot be read', async () => {
    const missing = await loadBankFile(join(dir, 'nope.md'), { io, parseInline: parseDecoded });
    assert.equal(missing.error, `Cannot read question bank ${join(dir, 'nope.md')}: the file does not exist`);
    mkdirSync(join(dir, 'folder.md'));
    assert.match(
      (await loadBankFile(join(dir, 'folder.md'), { io, parseInline: parseDecoded })).error!,
      /folder\.md: it is a folder, not a file/,
    );
    const big = join(dir, 'big.md');
    writeFileSync(big, Buffer.alloc(BANK_MAX_BYTES + 1, 0x61));
    assert.match(
      (await loadBankFile(big, { io, parseInline: parseDecoded })).error!,
      /big\.md is too large \(16\.0 MB; the limit is 16 MB\)/,
    );
  });

  it('names the line of bytes that are not UTF-8 and keeps what it could read', async () => {
    const file = join(dir, 'binary.md');
    writeFileSync(file, Buffer.concat([Buffer.from('## S\n\n- fine\n\n'), Buffer.from([0xff, 0xfe, 0x00])]));
    const { bank } = await loadBankFile(file, { io, parseInline: parseDecoded });
    assert.deepEqual(
      bank.problems.map((p) => p.line),
      [5, 5],
    );
    assert.match(bank.problems[0].message, /not valid UTF-8/);
    assert.equal(bank.sections[0].questions[0].text, 'fine');
  });

  it('keys the cache by content, title and parser version', async () => {
    const a = await bankKey(io, Buffer.from('x'), 't');
    assert.equal(a, await bankKey(io, Buffer.from('x'), 't'));
    assert.notEqual(a, await bankKey(io, Buffer.from('y'), 't'));
    assert.notEqual(a, await bankKey(io, Buffer.from('x'), 'u'));
  });

  it('ships the bundled bank parsed by the build', async () => {
    const file = join(ROOT, 'questions/django-interview-questions.md');
    const loaded = await loadBankFile(file, {
      io,
      cacheDirs: [join(ROOT, 'dist/bank-cache')],
      parseInline: () => assert.fail('the build should have parsed it'),
    });
    assert.equal(loaded.via, 'cache');
    assert.deepEqual(loaded.bank, parseBank(readFileSync(file, 'utf8'), { fallbackTitle: 'django-interview-questions' }));
  });
});

describe('bank ids for storage', () => {
  it('gives a bank file of the user its own id, stable for the same path', async () => {
    const { BUNDLED_BANK_ID } = await import('../../../src/bank/bundled');
    const { bankIdForFile } = await import('../../../src/bank/source-node');
    assert.equal(bankIdForFile('/a/bank.md'), bankIdForFile('/a/../a/bank.md'));
    assert.notEqual(bankIdForFile('/a/bank.md'), bankIdForFile('/b/bank.md'));
    assert.notEqual(bankIdForFile('/a/bank.md'), BUNDLED_BANK_ID);
    assert.match(bankIdForFile('/a/bank.md'), /^file-[0-9a-f]{16}$/);
  });
});
