// The shapes real banks take (questions as headings, list items opening with a heading, bold
// paragraphs, <details> blocks; front matter and MDX), their answers, and the real public
// documents in test/fixtures/realbanks: each must give the questions its reader sees.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBank } from '../../../src/bank/parse';
import { listQuestions, type Bank } from '../../../src/bank/model';
import { readMarkdown } from '../../../src/bank/read-markdown';

const md = (lines: string[]) => lines.join('\n');
const asked = (bank: Bank) => listQuestions(bank).map((e) => [e.question.id, e.question.text]);
const one = (bank: Bank, id: string) => {
  const found = listQuestions(bank).find((e) => e.question.id === id);
  assert.ok(found, `question ${id} in ${JSON.stringify(asked(bank))}`);
  return found.question;
};

describe('bank shapes', () => {
  it('reads numbered question headings, with everything down to the next question as the answer', () => {
    const bank = parseBank(
      md([
        '# Django',
        '',
        '- [Contents](#orm)',
        '',
        '## ORM',
        '',
        '### 12. What is a QuerySet?',
        '',
        'A lazy query.',
        '',
        '- it is lazy',
        '- it is chainable',
        '',
        '#### Example',
        '',
        '```python',
        'Book.objects.all()',
        '```',
        '',
        '### 13. What does select_related do?',
        '',
        'A join.',
        '',
        '## Views',
        '',
        '### Q. What is a view?',
        '',
        'A callable.',
      ]),
    );
    assert.deepEqual(asked(bank), [
      ['orm.12', 'What is a QuerySet?'],
      ['orm.13', 'What does select_related do?'],
      ['views.1', 'What is a view?'],
    ]);
    const q = one(bank, 'orm.12');
    assert.equal(q.answer, 'A lazy query.\n- it is lazy\n- it is chainable\nExample\nBook.objects.all()');
    assert.deepEqual(
      q.richAnswer.map((b) => b.t),
      ['p', 'list', 'h', 'code'],
    );
    assert.equal(q.line, 7);
    assert.equal(q.details, '');
  });

  it('takes a single question heading as a question in a bank without lists (a bank just begun)', () => {
    assert.deepEqual(asked(parseBank(md(['## Topic', '', '### 1. What is a QuerySet?', '', 'A lazy query.']))), [
      ['topic.1', 'What is a QuerySet?'],
    ]);
    assert.deepEqual(
      asked(parseBank(md(['## 1. What is Django?', '', '- What is a project?']))),
      [['1.1', 'What is a project?']],
      'with a list, the list has the questions',
    );
  });

  it('keeps section headings that hold lists of questions as sections (the bundled shape)', () => {
    const bank = parseBank(
      md(['## 1. Basics', '', '1. What is Django?', '2. What is a project?', '', '## 2. Models', '', '1. What is a model?']),
    );
    assert.deepEqual(asked(bank), [
      ['1.1', 'What is Django?'],
      ['1.2', 'What is a project?'],
      ['2.1', 'What is a model?'],
    ]);
  });

  it('splits the shown details from an answer the author hid in <details><summary>Answer', () => {
    const bank = parseBank(
      md([
        '###### 1. What’s the output?',
        '',
        '```js',
        'console.log(1)',
        '```',
        '',
        '- A: `1`',
        '- B: `2`',
        '',
        '<details><summary><b>Answer</b></summary>',
        '<p>',
        '',
        '#### Answer: A',
        '',
        'It logs 1.',
        '',
        '</p>',
        '</details>',
        '',
        '---',
        '',
        '###### 2. What’s the output?',
        '',
        'More.',
      ]),
    );
    assert.deepEqual(asked(bank), [
      ['questions.1', 'What’s the output?'],
      ['questions.2', 'What’s the output?'],
    ]);
    const q = one(bank, 'questions.1');
    assert.equal(q.details, 'console.log(1)\n- A: 1\n- B: 2');
    assert.equal(q.answer, 'Answer: A\nIt logs 1.');
  });

  it('reads list items that open with a heading, their answers, and answer text that fell out of the item', () => {
    const bank = parseBank(
      md([
        '# React',
        '',
        '### Table of Contents',
        '',
        '| No. | Questions |',
        '| --- | --- |',
        '| 1 | [What is React?](#what-is-react) |',
        '',
        '## Core',
        '',
        '1. ### What is React?',
        '',
        '    A library.',
        '',
        '   **[⬆ Back to Top](#table-of-contents)**',
        '',
        '2. ### What is JSX?',
        '',
        '    Syntax.',
        '',
        '- an under-indented point',
        '',
        '    ```jsx',
        '    <a/>',
        '    ```',
      ]),
    );
    assert.deepEqual(asked(bank), [
      ['core.1', 'What is React?'],
      ['core.2', 'What is JSX?'],
    ]);
    assert.equal(one(bank, 'core.1').answer, 'A library.', 'no navigation in the answer');
    assert.equal(one(bank, 'core.2').answer, 'Syntax.\n- an under-indented point\n  <a/>');
  });

  it('reads bold paragraphs under topic headings as questions, and a list of links as contents', () => {
    const bank = parseBank(
      md([
        '# Theory',
        '',
        '- [Regression](#regression)',
        '- [Validation](#validation)',
        '',
        '## Regression',
        '',
        '**What is regression? 👶**',
        '',
        'Predicting a number.',
        '',
        '- linear',
        '- trees',
        '',
        '**Which metrics? ‍⭐️**',
        '',
        'MSE, MAE.',
        '',
        '## Validation',
        '',
        '**What is cross-validation? 👶**',
        '',
        'Folds.',
      ]),
    );
    assert.deepEqual(asked(bank), [
      ['regression.1', 'What is regression? 👶'],
      ['regression.2', 'Which metrics? ‍⭐️'],
      ['validation.1', 'What is cross-validation? 👶'],
    ]);
    assert.equal(one(bank, 'regression.1').answer, 'Predicting a number.\n- linear\n- trees');
  });

  it('reads <details><summary> questions, numbered or not, with the block as the answer', () => {
    const bank = parseBank(
      md([
        '<h1>Django <img src="x.svg" alt="logo"/></h1>',
        '',
        '<details>',
        '<summary>1. What is Django?</summary>',
        '',
        '#### Django',
        '',
        'A framework.',
        '',
        '</details>',
        '',
        '<details>',
        '<summary>2. What is <b>MVT</b>?</summary>',
        '',
        'Model, view, template.',
        '',
        '<details><summary>Deep dive</summary>',
        '',
        'Nested.',
        '',
        '</details>',
        '',
        '</details>',
        '',
        'Not an answer.',
      ]),
    );
    assert.equal(bank.title, 'Django');
    assert.deepEqual(asked(bank), [
      ['django.1', 'What is Django?'],
      ['django.2', 'What is MVT ?'],
    ]);
    assert.equal(one(bank, 'django.1').line, 4, 'the line of the <summary>');
    assert.equal(one(bank, 'django.1').answer, 'Django\nA framework.');
    assert.equal(one(bank, 'django.2').answer, 'Model, view, template.\nDeep dive\nNested.');
  });

  it('skips YAML front matter (its title is the bank’s) and MDX lines, keeping line numbers', () => {
    const bank = parseBank(
      md([
        '---',
        'title: Behavioral questions',
        'sidebar_label: x',
        '---',
        '',
        "import Ad from '@site/src/Ad';",
        '',
        '<head>',
        '  <meta name="x" />',
        '</head>',
        '',
        '## General',
        '',
        '<Ad />',
        '',
        '1. Why this company?',
        '1. Why leave?',
        '',
        '- What are you excited about?',
      ]),
    );
    assert.equal(bank.title, 'Behavioral questions');
    assert.deepEqual(asked(bank), [
      ['general.1', 'Why this company?'],
      ['general.2', 'Why leave?'],
      ['general.3', 'What are you excited about?'],
    ]);
    assert.equal(one(bank, 'general.1').line, 16);
    assert.deepEqual(bank.problems, []);
  });

  it('obeys the author’s <!-- questions: … --> over what it would read', () => {
    const text = md([
      '<!-- questions: h3 -->',
      '',
      '## Topic',
      '',
      '### Explain middleware',
      '',
      'It wraps requests.',
      '',
      '### Explain signals',
      '',
      'Hooks.',
    ]);
    assert.deepEqual(asked(parseBank(text)), [
      ['topic.1', 'Explain middleware'],
      ['topic.2', 'Explain signals'],
    ]);
    assert.deepEqual(asked(parseBank(text.replace('h3', 'list'))), []);
  });

  it('honours pinned ids and done markers in question headings and bold questions', () => {
    const headings = parseBank(
      md([
        '## ORM',
        '',
        '### 1. What is a QuerySet? <!-- id: querysets --> **done**',
        '',
        'Lazy.',
        '',
        '### 2. What is F()?',
        '',
        'An expression.',
      ]),
    );
    assert.deepEqual(
      listQuestions(headings).map((e) => [e.question.id, e.question.text, e.question.done]),
      [
        ['querysets', 'What is a QuerySet?', true],
        ['orm.2', 'What is F()?', false],
      ],
    );
    const bold = parseBank(
      md([
        '## Stats',
        '',
        '**What is variance? <!-- id: variance -->**',
        '',
        'Spread.',
        '',
        '**What is a p-value?**',
        '',
        'A probability.',
      ]),
    );
    assert.deepEqual(asked(bold), [
      ['variance', 'What is variance?'],
      ['stats.2', 'What is a p-value?'],
    ]);
  });

  it('takes a ticked task-list item as done', () => {
    const bank = parseBank(md(['## S', '', '- [x] What is a model?', '- [ ] What is a view?']));
    assert.deepEqual(
      listQuestions(bank).map((e) => [e.question.text, e.question.done]),
      [
        ['What is a model?', true],
        ['What is a view?', false],
      ],
    );
  });

  it('reads a list not starting at 1 right after an indented code block as a list (remark-parse reads a paragraph)', () => {
    const text = md(['## S', '', '    code', '', '5. What is five?', '6. What is six?']);
    assert.deepEqual(
      readMarkdown(text).children.map((n) => n.type),
      ['heading', 'code', 'list'],
    );
    assert.deepEqual(asked(parseBank(text)), [
      ['s.5', 'What is five?'],
      ['s.6', 'What is six?'],
    ]);
  });
});

describe('real interview documents', () => {
  const dir = join(__dirname, '../../../../test/fixtures/realbanks');
  // SOURCES.md: | `file` | repository … | licence | shape | 416 (`^pattern`) |
  const rows = [...readFileSync(join(dir, 'SOURCES.md'), 'utf8').matchAll(/^\| `([^`]+\.md)` .*\| (\d+) \(`(.+)`\) \|$/gm)].map((m) => ({
    file: m[1],
    count: Number(m[2]),
    pattern: new RegExp(m[3].replace(/\\\|/g, '|')),
  }));

  it('lists five documents with their counts in SOURCES.md', () => {
    assert.equal(rows.length, 5);
  });

  for (const { file, count, pattern } of rows) {
    describe(file, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const bank = parseBank(text, { fallbackTitle: file });
      const entries = listQuestions(bank);

      it(`gives the ${count} questions a reader sees, each at a line the document's own pattern finds`, () => {
        assert.equal(entries.length, count);
        const lines = text.split('\n').flatMap((l, i) => (pattern.test(l) ? [i + 1] : []));
        assert.deepEqual(
          entries.map((e) => e.question.line),
          lines,
        );
      });

      it('takes no link, contents entry or navigation as a question', () => {
        for (const { question } of entries) {
          assert.ok(!question.rich.every((n) => n.t === 'link' || (n.t === 'text' && !n.v.trim())), `${question.id} is only a link`);
          assert.doesNotMatch(question.text, /back to top|table of contents/i);
        }
      });

      it('keeps the answers it has, with their Markdown', () => {
        const answered = entries.filter((e) => e.question.richAnswer.length > 0);
        if (/behavioral/.test(file)) assert.equal(answered.length, 0, 'a list of questions with no answers');
        else assert.ok(answered.length >= count - 1, `${answered.length} of ${count} answered`);
      });
    });
  }
});
