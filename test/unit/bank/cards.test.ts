// Cards as banks: CSV and TSV (an Anki plain-text export too), Obsidian Spaced Repetition's
// Markdown cards and one-line `question :: answer` cards, each from fixtures of its own; and the
// bad input each must survive with a clear problem list or a bank.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDecoded } from '../../../src/bank/decode';
import { splitRows, parseTable, parseMarkdownCards } from '../../../src/bank/cards';
import { tableFormatOf } from '../../../src/bank/formats';
import { listQuestions, type Bank } from '../../../src/bank/model';

const FIXTURES = join(__dirname, '../../../../test/fixtures/cards');
const read = (name: string): Bank => parseDecoded(readFileSync(join(FIXTURES, name)), name.replace(/\.[^.]*$/, ''), tableFormatOf(name));
const cards = (bank: Bank) =>
  listQuestions(bank).map((e) => ({
    id: e.question.id,
    q: e.question.text,
    a: e.question.answer,
    path: e.path.map((s) => s.title).join(' > '),
  }));

describe('cards as banks', () => {
  it('reads an Anki plain-text export: its header lines, HTML fields as text, decks as sections, guids as ids', () => {
    const bank = read('anki-notes.txt');
    assert.deepEqual(cards(bank), [
      { id: 'q1', q: 'What is a QuerySet?', a: 'A lazy & chainable query\nEvaluated on iteration', path: 'Django > ORM' },
      { id: 'q2', q: 'What does "select_related" do? In one line', a: 'Joins FKs', path: 'Django > ORM' },
      { id: 'q3', q: 'What is CSRF?', a: 'Cross-site request forgery', path: 'Django > Security' },
    ]);
    assert.deepEqual(
      listQuestions(bank).map((e) => e.question.line),
      [6, 7, 9],
      'each card at the line it starts on',
    );
    assert.deepEqual(bank.problems, []);
  });

  it('reads a CSV with a BOM, CRLF, a header row naming its columns, quoted fields over lines, tags as sections', () => {
    const bank = read('qa.csv');
    assert.deepEqual(cards(bank), [
      { id: 'views.1', q: 'What is a view?', a: 'A callable that takes a request\nand returns a response', path: 'views' },
      { id: 'views.2', q: 'What is middleware?', a: '', path: 'views' },
      { id: 'orm.1', q: 'What is a model?', a: 'A class mapped to a table', path: 'orm' },
    ]);
  });

  it('reads a TSV of two columns with no header, and Markdown cards: Obsidian’s and one-line ones', () => {
    assert.deepEqual(
      cards(read('plain.tsv')).map((c) => [c.q, c.a]),
      [
        ['What is a signal?', 'A hook fired on events'],
        ['What is a manager?', 'The query interface of a model'],
      ],
    );
    const obsidian = cards(read('obsidian.md'));
    assert.deepEqual(
      obsidian.map((c) => [c.q, c.a, c.path]),
      [
        ['What is a QuerySet?', 'A lazy, chainable query', 'django > orm > Django cards'],
        ['What does only() do?', 'Loads just the named fields', 'django > orm > Django cards'],
        ['What is the N+1 problem, in a few words?', 'One query for the list,\nthen one per row.', 'django > orm > Django cards'],
        ['What is a class-based view?', 'A view written as a class', 'django > orm > Views'],
      ],
      'scheduling comments ignored, a line that is no card skipped',
    );
    assert.deepEqual(
      cards(read('one-line.md')).map((c) => c.a),
      ['The synchronous server interface', 'The asynchronous one'],
    );
  });

  it('keeps a Markdown bank a Markdown bank when it has questions, even with `::` in them', () => {
    const md = '## C++\n\n1. What does std::move do?\n2. What is a::b?\n';
    const bank = parseDecoded(new TextEncoder().encode(md), 'cpp');
    assert.deepEqual(
      listQuestions(bank).map((e) => e.question.text),
      ['What does std::move do?', 'What is a::b?'],
    );
  });

  it('gives a clear problem, never a crash, for a broken quote, an empty file, a binary file and a row without a question', () => {
    const broken = parseTable('Question,Answer\n"What is a view?,It is\nWhat is a model?,A class\n', { format: 'csv', fallbackTitle: 'b' });
    assert.equal(broken.problems[0].line, 2);
    assert.match(broken.problems[0].message, /never closed/);
    assert.equal(listQuestions(broken).length, 1, 'what was read is kept');
    const empty = parseTable('', { format: 'csv', fallbackTitle: 'empty' });
    assert.equal(empty.noQuestions, 'none');
    assert.match(empty.problems[0].message, /no cards found/);
    const binary = parseDecoded(new Uint8Array([0x51, 0x2c, 0x41, 0x0a, 0xff, 0xfe, 0x00, 0x2c, 0x01, 0x0a]), 'bin', 'csv');
    assert.match(binary.problems.map((p) => p.message).join(' '), /not valid UTF-8/);
    const skipped = parseTable('a,b\n,orphan answer\n', { format: 'csv', fallbackTitle: 's' });
    assert.deepEqual(skipped.problems, [{ line: 2, message: 'a row without a question was skipped' }]);
    assert.equal(parseMarkdownCards('', 'x').noQuestions, 'none');
  });

  it('shows a hostile HTML field as the text it displays, never as markup', () => {
    const bank = parseTable('#html:true\n<img src=x onerror=alert(1)>What?<script>alert(2)</script>\t<a href="javascript:x">ok</a>\n', {
      format: 'tsv',
      fallbackTitle: 'h',
    });
    const [q] = listQuestions(bank).map((e) => e.question);
    assert.equal(q.rich.length, 1);
    assert.equal(q.rich[0].t, 'text', 'text, rendered escaped by the page');
    assert.doesNotMatch(q.text + q.answer, /<|onerror|javascript/);
  });

  it('is read by the bank checker as the extension reads it, by the file’s name', async () => {
    const { main } = await import('../../../src/bank/cli');
    for (const [name, first] of [
      ['anki-notes.txt', 'What is a QuerySet?'],
      ['qa.csv', 'What is a view?'],
      ['plain.tsv', 'What is a signal?'],
      ['obsidian.md', 'What is a QuerySet?'],
    ]) {
      let out = '';
      assert.equal(main([join(FIXTURES, name)], FIXTURES, { write: (t: string) => (out += t) }, { write: () => true }), 0);
      assert.ok(out.includes(JSON.stringify(first)), `${name}: ${out.slice(0, 200)}`);
    }
  });

  it('splits rows as RFC 4180 says, and reads 50,000 rows', () => {
    assert.deepEqual(
      splitRows('a,"b,""c""\nd"\r\ne,f', ',').rows.map((r) => r.cells),
      [
        ['a', 'b,"c"\nd'],
        ['e', 'f'],
      ],
    );
    const big = ['Question,Answer', ...Array.from({ length: 50_000 }, (_, i) => `"Question ${i}?","Answer ${i}, with a comma"`)].join('\n');
    const bank = parseTable(big, { format: 'csv', fallbackTitle: 'big' });
    assert.equal(listQuestions(bank).length, 50_000);
    assert.equal(listQuestions(bank)[49_999].question.answer, 'Answer 49999, with a comma');
  });
});
