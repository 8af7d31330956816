import assert from 'node:assert/strict';
import { parseBank } from '../../../src/bank/parse';
import { shownId } from '../../../src/bank/ids';
import { listQuestions, walkSections } from '../../../src/bank/model';
import { questions, byId } from '../helpers';

const md = (lines: string[]) => lines.join('\n');

describe('parseBank', () => {
  describe('GFM as read', () => {
    it('keeps a footnote mark as the characters written, and reads tables, strikethrough and bare links', () => {
      const bank = parseBank(
        md([
          '## Basics',
          '',
          '1. What does `select_related` do?[^1]',
          '',
          '   | call | queries |',
          '   | --- | --- |',
          '   | all() | N+1 |',
          '',
          '2. ~~Old~~ See https://docs.djangoproject.com/ please',
          '',
          '[^1]: Only for foreign keys.',
        ]),
      );
      const [q1, q2] = bank.sections[0].questions;
      assert.equal(q1.text, 'What does select_related do?[^1]');
      assert.match(q1.details, /call/);
      assert.ok(JSON.stringify(q1.richDetails).includes('"table"'), 'the table is a table');
      assert.match(q2.text, /Old See https:\/\/docs\.djangoproject\.com\/ please/);
      assert.ok(JSON.stringify(q2.rich).includes('"link"'), 'the bare address is a link');
    });
  });

  describe('sections', () => {
    it('nests sections by heading depth, ATX and setext alike', () => {
      const bank = parseBank(
        md([
          'Basics',
          '======',
          '',
          '- one',
          '',
          'Deeper',
          '------',
          '',
          '- two',
          '',
          '### Deepest',
          '',
          '- three',
          '',
          '# Other',
          '',
          '- four',
        ]),
      );
      assert.deepEqual(
        bank.sections.map((s) => [s.title, s.depth, s.sections.map((c) => [c.title, c.depth, c.sections.map((g) => g.title)])]),
        [
          ['Basics', 1, [['Deeper', 2, ['Deepest']]]],
          ['Other', 1, []],
        ],
      );
      assert.equal(bank.title, 'Questions', 'two top-level headings: no single title, the fallback is used');
    });

    it('takes a single top-level heading as the title and lifts what it holds', () => {
      const bank = parseBank(md(['# My Bank', '', 'Intro.', '', '## A', '', '1. q', '', '## B', '', '1. r']));
      assert.equal(bank.title, 'My Bank');
      assert.deepEqual(
        bank.sections.map((s) => s.title),
        ['A', 'B'],
      );
    });

    it('hides headings with no question beneath them and keeps lines', () => {
      const bank = parseBank(md(['# T', '', '## Intro', '', 'text', '', '## Real', '', '- q', '', '## Conclusion', '', 'bye']));
      assert.deepEqual(
        bank.sections.map((s) => [s.title, s.line]),
        [['Real', 7]],
      );
      assert.equal(questions(bank)[0].line, 9);
    });

    it('puts questions before any heading into a section named after the document', () => {
      const bank = parseBank(md(['- early', '', '# Title', '', '## S', '', '- later']), { fallbackTitle: 'ignored' });
      assert.deepEqual(
        bank.sections.map((s) => s.title),
        ['Title', 'S'],
      );
      assert.equal(bank.sections[0].questions[0].text, 'early');
      const noHeading = parseBank('1. alone', { fallbackTitle: 'my-bank' });
      assert.equal(noHeading.title, 'my-bank');
      assert.equal(noHeading.sections[0].title, 'my-bank');
      assert.equal(noHeading.sections[0].questions[0].id, 'my-bank.1');
    });
  });

  describe('questions', () => {
    it('takes the top-level items of ordered and bullet lists; nested lists and paragraphs are details', () => {
      const bank = parseBank(
        md([
          '## S',
          '',
          '1. First?',
          '   - hint a',
          '   - hint b',
          '',
          '   More about it.',
          '2. Second?',
          '',
          '* Bullet?',
          '+ Other bullet?',
        ]),
      );
      const qs = questions(bank);
      assert.deepEqual(
        qs.map((q) => q.text),
        ['First?', 'Second?', 'Bullet?', 'Other bullet?'],
      );
      assert.equal(qs[0].details, '- hint a\n- hint b\nMore about it.');
      assert.deepEqual(qs[0].richDetails[0], {
        t: 'list',
        ordered: false,
        start: 1,
        items: [[{ t: 'p', c: [{ t: 'text', v: 'hint a' }] }], [{ t: 'p', c: [{ t: 'text', v: 'hint b' }] }]],
      });
      assert.equal(qs[1].details, '');
    });

    it('splits the question from its details at a hard line break', () => {
      const q = questions(parseBank(md(['## S', '', '1. **Why?**  ', '   *Because.*', '2. Soft', '   wrap stays in the question'])));
      assert.equal(q[0].text, 'Why?');
      assert.equal(q[0].details, 'Because.');
      assert.equal(q[1].text, 'Soft wrap stays in the question');
    });

    it('reads **done** anywhere in the item, removes it, and unwraps bold around the whole question', () => {
      const q = questions(
        parseBank(
          md([
            '## S',
            '',
            '1. **Whole bold** **done**',
            '2. **DONE** before',
            '3. Not done, **partly bold**',
            '4. In details  ',
            '   see **done**',
          ]),
        ),
      );
      assert.deepEqual(
        q.map((x) => [x.text, x.done]),
        [
          ['Whole bold', true],
          ['before', true],
          ['Not done, partly bold', false],
          ['In details', true],
        ],
      );
      assert.deepEqual(q[0].rich, [{ t: 'text', v: 'Whole bold' }]);
      assert.deepEqual(q[2].rich, [
        { t: 'text', v: 'Not done, ' },
        { t: 'strong', c: [{ t: 'text', v: 'partly bold' }] },
      ]);
      assert.equal(q[3].details, 'see');
    });

    it('keeps code spans, emphasis and links in the rich form and plain text beside it', () => {
      const [q] = questions(
        parseBank(md(['## S', '', '- Use `F()` with *care*, see [docs][d] and <https://x.io>', '', '[d]: https://docs.djangoproject.com'])),
      );
      assert.equal(q.text, 'Use F() with care, see docs and https://x.io');
      assert.deepEqual(q.rich, [
        { t: 'text', v: 'Use ' },
        { t: 'code', v: 'F()' },
        { t: 'text', v: ' with ' },
        { t: 'em', c: [{ t: 'text', v: 'care' }] },
        { t: 'text', v: ', see ' },
        { t: 'link', href: 'https://docs.djangoproject.com', c: [{ t: 'text', v: 'docs' }] },
        { t: 'text', v: ' and ' },
        { t: 'link', href: 'https://x.io', c: [{ t: 'text', v: 'https://x.io' }] },
      ]);
    });

    it('keeps raw HTML as the characters typed', () => {
      const [q] = questions(parseBank(md(['## S', '', '- What does <b>bold</b> do?'])));
      assert.equal(q.text, 'What does <b>bold</b> do?');
    });

    it('skips an empty item with a problem', () => {
      const bank = parseBank(md(['## S', '', '1. ok', '2.', '3. fine']));
      assert.deepEqual(
        questions(bank).map((q) => q.id),
        ['S.1', 'S.3'].map((x) => x.replace('S', 's')),
      );
      assert.deepEqual(bank.problems, [{ line: 4, message: 'a list item with no question text was skipped' }]);
    });
  });

  describe('ids', () => {
    it('derives ids from section and question numbers, including a list start', () => {
      const bank = parseBank(md(['## 3. Views', '', '1. a', '2. b', '', '### 3B. More', '', '21. c', '22. d']));
      assert.deepEqual(
        questions(bank).map((q) => q.id),
        ['3.1', '3.2', '3B.21', '3B.22'],
      );
      assert.deepEqual(
        bank.sections.map((s) => s.id),
        ['3'],
      );
    });

    it('falls back to the section slug and the position', () => {
      const bank = parseBank(md(['## Café & Views!', '', '- a', '- b', '', '1. c']));
      assert.deepEqual(
        questions(bank).map((q) => q.id),
        ['cafe-views.1', 'cafe-views.2', 'cafe-views.1-2'],
      );
      assert.equal(bank.problems.length, 1);
      assert.match(bank.problems[0].message, /"cafe-views.1" is already used at line 3/);
    });

    it('shows an id made from a section title as its number only, and every other id whole', () => {
      const bank = parseBank(
        md([
          '## Café & Views!',
          '',
          '- a',
          '- b',
          '',
          '1. c',
          '',
          '## 3B. More',
          '',
          '21. d',
          '',
          '## S',
          '',
          '- e',
          '- f <!-- id: keep-me -->',
        ]),
      );
      assert.deepEqual(
        questions(bank).map((q) => shownId(q.id)),
        ['#1', '#2', '#1-2', '3B.21', 's.1', 'keep-me'],
      );
      assert.equal(shownId('most-commonly-asked-behavioral-questions-across-top-tech-com.10'), '#10');
      assert.equal(shownId('11A.3'), '11A.3');
    });

    it('treats lazy "1. 1. 1." numbering as positions', () => {
      const bank = parseBank(md(['## S', '', '1. a', '1. b', '1. c']));
      assert.deepEqual(
        questions(bank).map((q) => q.id),
        ['s.1', 's.2', 's.3'],
      );
      assert.deepEqual(bank.problems, []);
    });

    it('reports a number that repeats in its list and still gives unique ids', () => {
      const bank = parseBank(md(['## S', '', '1. a', '2. b', '2. c', '3. d']));
      assert.deepEqual(
        questions(bank).map((q) => q.id),
        ['s.1', 's.2', 's.2-2', 's.3'],
      );
      assert.ok(bank.problems.some((p) => p.line === 5 && /question number 2 repeats in this list \(first at line 4\)/.test(p.message)));
    });

    it('honours a pinned id and keeps pinned ids unique', () => {
      const bank = parseBank(
        md([
          '## S',
          '',
          '1. a <!-- id: keep-me -->',
          '2. b',
          '   <!-- id: keep-me -->',
          '3. c <!-- id: s.1 -->',
          '4. d <!-- id: bad id! -->',
        ]),
      );
      const qs = questions(bank);
      assert.deepEqual(
        qs.map((q) => [q.id, q.text]),
        [
          ['keep-me', 'a'],
          ['s.2', 'b'],
          ['s.1', 'c'],
          ['s.4', 'd'],
        ],
      );
      assert.ok(bank.problems.some((p) => p.line === 4 && /pinned id "keep-me" is already used at line 3/.test(p.message)));
      assert.ok(bank.problems.some((p) => p.line === 7 && /pinned id "bad id!" is not valid/.test(p.message)));
    });

    it('keeps a number-derived id when a question elsewhere is inserted', () => {
      const before = parseBank(md(['## 1. A', '', '1. x', '2. y', '', '## 2. B', '', '1. z']));
      const after = parseBank(md(['## 1. A', '', '1. x', '2. y', '3. new', '', '## 2. B', '', '1. z']));
      assert.equal(byId(before, '2.1').text, 'z');
      assert.equal(byId(after, '2.1').text, 'z');
    });

    it('makes every id unique even when numbers and texts repeat', () => {
      const bank = parseBank(md(['## 1. A', '', '1. same', '1. same', '', '## 1. A', '', '1. same']));
      const ids = questions(bank).map((q) => q.id);
      assert.equal(new Set(ids).size, ids.length);
      assert.equal(new Set([...walkSections(bank.sections)].map((s) => s.section.id)).size, bank.sections.length);
    });
  });

  describe('never throws', () => {
    const cases: Array<[string, string]> = [
      ['an empty file', ''],
      ['only whitespace', ' \n\n\t\n'],
      ['binary garbage', Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('')],
      ['a single 1 MB line', '## S\n\n- ' + 'x'.repeat(1024 * 1024)],
      ['an unclosed code fence', '## S\n\n- q\n\n  ```js\n  never closed'],
      ['an unclosed comment', '## S\n\n- q <!-- id: x'],
      ['unclosed emphasis', '## S\n\n- **q *r `s [t](u'],
      ['deeply nested quotes', '## S\n\n- q\n' + '> '.repeat(10000) + 'deep'],
      ['deeply nested lists', '## S\n\n' + Array.from({ length: 200 }, (_, i) => ' '.repeat(i * 2) + '- level').join('\n')],
      ['deeply nested emphasis', '## S\n\n- ' + '*_'.repeat(1000) + 'x' + '_*'.repeat(1000)],
    ];
    for (const [name, input] of cases) {
      it(`returns a bank for ${name}`, () => {
        const bank = parseBank(input);
        assert.equal(typeof bank.title, 'string');
        assert.ok(Array.isArray(bank.sections));
        const lines = input.split('\n').length;
        for (const p of bank.problems) assert.ok(p.line >= 1 && p.line <= lines, `problem line ${p.line} within 1..${lines}`);
        for (const { question } of listQuestions(bank)) assert.ok(question.line >= 1 && question.line <= lines);
      });
    }

    it('says so when there are no questions at all', () => {
      assert.deepEqual(parseBank('# Just a title\n\nSome prose.').problems, [
        {
          line: 1,
          message:
            'no questions found: none of its text reads as a question. Questions are read from ' +
            'lists, headings, bold paragraphs and <details> blocks: see docs/bank-format.md',
        },
      ]);
    });

    it('reports NUL bytes as a binary file', () => {
      const bank = parseBank('## S\n\n- q\u0000');
      assert.ok(bank.problems.some((p) => p.line === 3 && /binary/.test(p.message)));
    });

    it('reads CRLF line endings with the same lines and text', () => {
      const lf = parseBank('## S\n\n1. a  \n   detail\n2. b\n');
      const crlf = parseBank('## S\r\n\r\n1. a  \r\n   detail\r\n2. b\r\n');
      assert.deepEqual(crlf, lf);
      assert.equal(byId(crlf, 's.1').details, 'detail');
    });

    it('ignores a byte-order mark', () => {
      assert.deepEqual(parseBank('\ufeff# T\n\n## S\n\n- q'), parseBank('# T\n\n## S\n\n- q'));
    });
  });
});
