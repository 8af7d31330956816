import assert from 'node:assert/strict';
import type * as md from 'mdast';
import { parseBank } from '../../../src/bank/parse';
import { readMarkdown } from '../../../src/bank/read-markdown';
import { exportNotes } from '../../../src/export/export';

const BANK = parseBank(
  [
    '# Django',
    '',
    '## 1. Models',
    '',
    '1. What is a model?',
    '2. What is a field?',
    '',
    '### 1A. Managers',
    '',
    '1. What is a manager?',
    '',
    '## 2. Views',
    '',
    '1. What is a view?',
  ].join('\n'),
);

/** The text a block quote holds, as the author of the note typed it. */
function unquote(source: string, node: md.Blockquote): string {
  return source
    .slice(node.position!.start.offset!, node.position!.end.offset!)
    .split('\n')
    .map((l) => l.replace(/^> ?/, ''))
    .join('\n');
}

describe('Export Notes', () => {
  it('writes the bank’s sections as headings and each noted or done question with its note verbatim, whatever the note holds', () => {
    const hostile = [
      '# A heading of my own',
      '',
      '```python',
      'print("an unclosed fence")',
      '',
      '## Another heading',
      '> a quote',
      '',
      '    indented code',
      '---',
      '<script>x</script>',
    ].join('\n');
    const notes: Record<string, string> = { '1.1': hostile, '1A.1': 'Managers: `objects`.\r\nSecond line.' };
    const { markdown, questions } = exportNotes({
      bank: BANK,
      note: (id) => notes[id] ?? '',
      isDone: (id) => id === '1.2' || id === '1.1',
      at: new Date('2026-11-25T12:00:00Z'),
    });
    assert.equal(questions, 3);
    const root = readMarkdown(markdown);
    const headings = root.children
      .filter((n): n is md.Heading => n.type === 'heading')
      .map((h) => `${h.depth} ${markdown.slice(h.position!.start.offset!, h.position!.end.offset!).replace(/^#+ /, '')}`);
    assert.deepEqual(
      headings,
      [
        '1 Django: notes',
        '2 1. Models',
        '3 1.1 · What is a model?',
        '3 1.2 · What is a field?',
        '3 1A. Managers',
        '4 1A.1 · What is a manager?',
      ],
      'the note’s own headings stay inside it; section 2 has nothing to export',
    );
    const quotes = root.children.filter((n): n is md.Blockquote => n.type === 'blockquote');
    assert.deepEqual(
      quotes.map((q) => unquote(markdown, q)),
      [hostile, 'Managers: `objects`.\nSecond line.'],
    );
    assert.match(markdown, /### 1\.1 · What is a model\?\n\n- \[x\] Done\n\n> # A heading of my own/);
    assert.match(markdown, /### 1\.2 · What is a field\?\n\n- \[x\] Done\n\n### 1A\./, 'done without a note: no quote');
  });

  it('says so when there is nothing to export', () => {
    const { markdown, questions } = exportNotes({ bank: BANK, note: () => '', isDone: () => false, at: new Date(0) });
    assert.equal(questions, 0);
    assert.match(markdown, /No notes yet/);
  });
});
