// Property-based tests of the parser: random Markdown built from the constructs it handles,
// and random bytes. It never throws, ids are unique, lines are inside the file, and every
// top-level list item comes out as one question with the text that was written (a lone link is navigation).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseBank } from '../../../src/bank/parse';
import { listQuestions, walkSections, type Bank } from '../../../src/bank/model';

interface Item {
  words: string;
  inline: 'none' | 'code' | 'em' | 'strong' | 'link';
  done: boolean;
  pin?: string;
  details?: string;
  nested?: string[];
}
type Block =
  | { t: 'heading'; depth: number; setext: boolean; title: string }
  | { t: 'para'; text: string }
  | { t: 'list'; ordered: boolean; start: number; bullet: '-' | '*' | '+'; items: Item[] }
  | { t: 'code'; text: string }
  | { t: 'quote'; text: string }
  | { t: 'comment' }
  | { t: 'hr' };

const word = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);
const words = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
const item: fc.Arbitrary<Item> = fc.record(
  {
    words,
    inline: fc.constantFrom('none', 'code', 'em', 'strong', 'link'),
    done: fc.boolean(),
    pin: fc.option(fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/), { nil: undefined }),
    details: fc.option(words, { nil: undefined }),
    nested: fc.option(fc.array(words, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  },
  { requiredKeys: ['words', 'inline', 'done'] },
);
const block: fc.Arbitrary<Block> = fc.oneof(
  fc.record({ t: fc.constant('heading' as const), depth: fc.integer({ min: 1, max: 6 }), setext: fc.boolean(), title: words }),
  fc.record({ t: fc.constant('para' as const), text: words }),
  fc.record({
    t: fc.constant('list' as const),
    ordered: fc.boolean(),
    start: fc.integer({ min: 0, max: 40 }),
    bullet: fc.constantFrom('-' as const, '*' as const, '+' as const),
    items: fc.array(item, { minLength: 1, maxLength: 5 }),
  }),
  fc.record({ t: fc.constant('code' as const), text: words }),
  fc.record({ t: fc.constant('quote' as const), text: words }),
  fc.constant({ t: 'comment' as const }),
  fc.constant({ t: 'hr' as const }),
);

function itemText(i: Item): string {
  const [first, ...rest] = i.words.split(' ');
  const tail = rest.length ? ' ' + rest.join(' ') : '';
  switch (i.inline) {
    case 'code':
      return '`' + first + '`' + tail;
    case 'em':
      return '*' + first + '*' + tail;
    case 'strong':
      return '**' + first + '**' + tail;
    case 'link':
      return `[${first}](https://example.com/${first})` + tail;
    default:
      return i.words;
  }
}

/** Renders blocks to Markdown and returns the items that must come out as questions, with their lines. */
function render(blocks: Block[]): { markdown: string; expected: Array<{ text: string; done: boolean; line: number; pin?: string }> } {
  const lines: string[] = [];
  const expected: Array<{ text: string; done: boolean; line: number; pin?: string }> = [];
  for (const b of blocks) {
    if (lines.length) lines.push('');
    switch (b.t) {
      case 'heading':
        if (b.setext && b.depth <= 2) lines.push(b.title, b.depth === 1 ? '===' : '---');
        else lines.push('#'.repeat(b.depth) + ' ' + b.title);
        break;
      case 'para':
        lines.push(b.text);
        break;
      case 'code':
        lines.push('```', '- ' + b.text, '```');
        break;
      case 'quote':
        lines.push('> - ' + b.text);
        break;
      case 'comment':
        lines.push('<!-- a comment -->');
        break;
      case 'hr':
        lines.push('***');
        break;
      case 'list':
        b.items.forEach((it, n) => {
          // A list that starts at 0 or above 1 is fine after a blank line.
          const marker = b.ordered ? `${b.start + n}.` : b.bullet;
          const pad = ' '.repeat(marker.length + 1);
          let head = `${marker} ${itemText(it)}`;
          if (it.done) head += ' **done**';
          if (it.pin) head += ` <!-- id: ${it.pin} -->`;
          // An item that is nothing but a link is navigation (a table of contents), not a question.
          if (!(it.inline === 'link' && !it.words.includes(' ')))
            expected.push({ text: it.words, done: it.done, line: lines.length + 1, pin: it.pin });
          if (it.details) head += '  ';
          lines.push(head);
          if (it.details) lines.push(pad + it.details);
          for (const nested of it.nested ?? []) lines.push(pad + '- ' + nested);
        });
        break;
    }
  }
  return { markdown: lines.join('\n') + '\n', expected };
}

function checkInvariants(bank: Bank, source: string): void {
  const lineCount = source.split('\n').length;
  const entries = listQuestions(bank);
  const ids = entries.map((e) => e.question.id);
  assert.equal(new Set(ids).size, ids.length, `ids are unique: ${ids.join(', ')}`);
  for (const { question } of entries)
    assert.ok(question.line >= 1 && question.line <= lineCount, `question line ${question.line} of ${lineCount}`);
  for (const { section } of walkSections(bank.sections))
    assert.ok(section.line >= 1 && section.line <= lineCount, `section line ${section.line}`);
  for (const p of bank.problems) assert.ok(p.line >= 1 && p.line <= lineCount, `problem line ${p.line} of ${lineCount}`);
}

describe('the parser under fuzzing', () => {
  it('turns every top-level list item of random Markdown into exactly one question', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 14 }), (blocks) => {
        const { markdown, expected } = render(blocks);
        const bank = parseBank(markdown);
        checkInvariants(bank, markdown);
        const got = listQuestions(bank).map((e) => e.question);
        assert.deepEqual(
          got.map((q) => [q.line, q.text, q.done]),
          expected.map((e) => [e.line, e.text, e.done]),
        );
        // A pinned id is honoured unless an earlier question pinned it first.
        const seen = new Set<string>();
        expected.forEach((e, i) => {
          if (e.pin && !seen.has(e.pin)) assert.equal(got[i].id, e.pin);
          if (e.pin) seen.add(e.pin);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random bytes, and keeps its invariants', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        const text = Buffer.from(bytes).toString('utf8');
        checkInvariants(parseBank(text), text);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random strings of Markdown punctuation', () => {
    const alphabet = fc.constantFrom(
      '#',
      '-',
      '*',
      '+',
      '1.',
      ' ',
      '\n',
      '\r\n',
      '`',
      '>',
      '<',
      '!',
      '[',
      ']',
      '(',
      ')',
      '_',
      '=',
      '|',
      '\\',
      'a',
      '<!--',
      '-->',
      '**done**',
      '\t',
      '\u0000',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 400 }), (parts) => {
        const text = parts.join('');
        checkInvariants(parseBank(text), text);
      }),
      { numRuns: 300 },
    );
  });
});
