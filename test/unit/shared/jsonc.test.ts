// Settings files as VS Code writes them (shared/jsonc.ts): comments, trailing commas, strings that look like either.
import assert from 'node:assert/strict';
import { parseJsonc } from '../../../src/shared/jsonc';

describe('reading JSON with comments', () => {
  it('reads comments and trailing commas, and keeps strings that hold comment or comma characters', () => {
    const text = `{
      // a line comment, "djangoPrep.bankFile": "no"
      "djangoPrep.bankFile": "http://example.com/a.md", /* a block
      comment */ "quote": "a \\" and // and /* */ and ,}",
      "list": [1, 2, ],
    }`;
    assert.deepEqual(parseJsonc(text), {
      'djangoPrep.bankFile': 'http://example.com/a.md',
      quote: 'a " and // and /* */ and ,}',
      list: [1, 2],
    });
  });

  it('gives nothing for text that holds no object: broken, empty, an array, an unclosed comment', () => {
    for (const text of ['', '{', '[1]', '{"a": 1 /* open', 'null', '"x"']) assert.equal(parseJsonc(text), undefined, JSON.stringify(text));
  });

  it('does not mistake a commented-out setting for a set one', () => {
    assert.deepEqual(parseJsonc('{\n  // "djangoPrep.bankFile": "/etc/passwd",\n  "editor.tabSize": 2\n}'), { 'editor.tabSize': 2 });
  });
});
