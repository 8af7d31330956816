// Documents read as their readers see them (test/fixtures/shapes, each in our own words): contents
// headings and their lists, headings inside answers, two shapes in one document, a shape declared
// for one part, and a page with no question at all.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBank } from '../../../src/bank/parse';
import { main } from '../../../src/bank/cli';
import { listQuestions, type Bank } from '../../../src/bank/model';
import { contentsHeading, linksOnly } from '../../../src/bank/parts';
import { readMarkdown } from '../../../src/bank/read-markdown';
import type * as md from 'mdast';

const dir = join(__dirname, '../../../../test/fixtures/shapes');
const read = (file: string) => parseBank(readFileSync(join(dir, file), 'utf8'), { fallbackTitle: file });
/** Each question as "section › … › question". */
const where = (bank: Bank) => listQuestions(bank).map((e) => [...e.path.map((s) => s.title), e.question.text].join(' › '));
const question = (bank: Bank, text: string) => {
  const found = listQuestions(bank).find((e) => e.question.text === text);
  assert.ok(found, `"${text}" in ${JSON.stringify(where(bank))}`);
  return found.question;
};

describe('banks as their readers see them', () => {
  it('knows a contents heading at any level, linked, with emoji or a colon, and nothing else', () => {
    for (const t of ['Table of Contents', 'table of content', 'Contents', 'TOC', '📚 Table of contents:', '0. Contents', 'Contents 📖'])
      assert.ok(contentsHeading(t), t);
    for (const t of ['Content negotiation', 'What contents does a template get?', 'Tables', 'Contents of a request'])
      assert.ok(!contentsHeading(t), t);
  });

  it('files the questions after a contents heading under the title, never under "Table of Contents"', () => {
    const bank = read('contents-then-items.md');
    assert.deepEqual(where(bank), [
      'Django Notes › What is a project',
      'Django Notes › What is an app',
      'Django Notes › How do migrations work',
    ]);
    assert.deepEqual(bank.problems, []);
  });

  it('skips every contents list, of links, of questions or of plain titles, and goes on in the next real heading', () => {
    assert.deepEqual(where(read('contents-variants.md')), [
      'Basics › What is Django?',
      'Basics › What is a project?',
      'Views › What is a view?',
      'Views › What does a view return?',
      'Models › What is a model?',
      'Templates › What is a template?',
    ]);
  });

  it('keeps a heading indented inside an answer in that answer, and the questions after it where they were', () => {
    const bank = read('heading-in-answer.md');
    const all = where(bank);
    assert.equal(all.length, 12);
    assert.ok(
      all.every((w) => w.startsWith('Frontend Bank › ')),
      JSON.stringify(all),
    );
    const loop = question(bank, 'What is the event loop');
    assert.match(loop.answer, /Key Points/);
    assert.match(loop.answer, /microtasks before rendering/);
    assert.ok(!bank.sections.some((s) => /Key Points/.test(s.title)));
  });

  it('keeps a heading inside a <details> answer in that answer in a bank of list items', () => {
    assert.deepEqual(where(read('details-heading.md')), [
      'QuerySets › What is a QuerySet?',
      'QuerySets › What does select_related do?',
      'Managers › What is a manager?',
    ]);
  });

  it('reads two shapes one after the other: list items opening with a heading, then numbered question headings', () => {
    const bank = read('two-shapes.md');
    assert.deepEqual(where(bank), [
      'JavaScript Questions › What is hoisting',
      'JavaScript Questions › What is a closure',
      // The one top-level heading is the title: what it holds is lifted to the top level.
      'Coding Exercise › What is the output of below code',
      'Coding Exercise › What is the output of below code',
      'Coding Exercise › Write a function that reverses a string',
    ]);
    const [, , first, , last] = listQuestions(bank).map((e) => e.question);
    assert.match(first.details, /a\.length/);
    assert.match(first.details, /1: 3/);
    assert.match(first.answer, /Answer: 1/);
    assert.match(first.answer, /three items/);
    assert.doesNotMatch(first.answer, /typeof null/);
    assert.match(last.answer, /Explanation/);
    assert.match(last.answer, /immutable/);
  });

  it('reads question headings, then a part of list questions', () => {
    assert.deepEqual(where(read('headings-then-list.md')), [
      'Django Bank › What is Django?',
      'Django Bank › What is a view?',
      'Quick fire › What is a slug?',
      'Quick fire › What is CSRF?',
      'Quick fire › What does manage.py do?',
    ]);
  });

  it('obeys a declared shape from the part it is written in, and reads the parts before it', () => {
    assert.deepEqual(where(read('declared-per-part.md')), [
      'Basics › What is Django?',
      'Basics › What is a project?',
      'Deep dives › Middleware',
      'Deep dives › Signals',
    ]);
  });

  it('gives an index page no question, and says it looks like a list of links', () => {
    const bank = read('index-page.md');
    assert.deepEqual(where(bank), []);
    assert.equal(bank.noQuestions, 'links');
    assert.equal(bank.problems.length, 1);
    assert.match(bank.problems[0].message, /^no questions found: it looks like a list of links\. .*docs\/bank-format\.md/);
  });

  it('says a page of prose has no question, without calling it a list of links', () => {
    const bank = parseBank('# Notes\n\nSome thoughts about Django, written down.\n');
    assert.equal(bank.noQuestions, 'none');
    assert.match(bank.problems[0].message, /^no questions found: none of its text reads as a question\. /);
  });

  it('takes a link with a short remark as a link, and a question that links as a question', () => {
    const inline = (text: string) => (readMarkdown(text).children[0] as md.Paragraph).children;
    assert.ok(linksOnly(inline('[HTML Questions](html.md) (external link)')));
    assert.ok(linksOnly(inline('[@ben](https://github.com/ben) — reviews')));
    assert.ok(linksOnly(inline('**[⬆ Back to Top](#top)**')));
    assert.ok(!linksOnly(inline('Explain [signals](https://docs.djangoproject.com/)')));
    assert.ok(!linksOnly(inline('[Signals](https://docs.djangoproject.com/): when would you reach for them instead of save()')));
    assert.ok(!linksOnly(inline('[Signals](x) — why?')));
    assert.ok(!linksOnly(inline('[Signals](x) in depth')));
  });
});

describe('the bank checker', () => {
  const root = join(__dirname, '../../../..');
  it('says of an index page, on stderr, which file has no questions and why, and still prints the bank', () => {
    let out = '';
    let err = '';
    const code = main([join(dir, 'index-page.md')], root, { write: (t: string) => (out += t) }, { write: (t: string) => (err += t) });
    assert.equal(code, 0);
    assert.equal(JSON.parse(out).noQuestions, 'links');
    assert.match(
      err,
      /^bank: no questions found in index-page\.md: it looks like a list of links\. Questions are read from .*docs\/bank-format\.md\n$/,
    );
  });

  it('says nothing on stderr of a bank with questions', () => {
    let err = '';
    main([join(dir, 'two-shapes.md')], root, { write: () => true }, { write: (t: string) => (err += t) });
    assert.equal(err, '');
  });
});
