import assert from 'node:assert/strict';
import { parseBank } from '../../../src/bank/parse';
import { listQuestions } from '../../../src/bank/model';
import { BUNDLED_BANK_FILE } from '../../../src/bank/bundled';
import { readRepoFile, byId } from '../helpers';

interface SeedQuestion {
  heading: string;
  number: number;
  text: string;
  done: boolean;
  details: string;
}

/**
 * Reads the seed with plain line rules, independently of the parser under test: every
 * numbered line at column 0 is a question; indented lines under it are its details.
 */
function seedQuestions(seed: string): SeedQuestion[] {
  const out: SeedQuestion[] = [];
  let heading = '';
  for (const raw of seed.split('\n')) {
    const h = /^#{1,6}\s+(.*)$/.exec(raw);
    if (h) {
      heading = h[1].replace(/\*\*/g, '').trim();
      continue;
    }
    const q = /^(\d+)\.\s+(.*)$/.exec(raw);
    if (q) {
      let text = q[2].trim();
      const done = /\*\*done\*\*/.test(text);
      text = text.replace(/\*\*done\*\*/g, '').trim();
      out.push({ heading, number: Number(q[1]), text: plain(text), done, details: '' });
      continue;
    }
    const detail = /^ {2,}(\S.*)$/.exec(raw);
    if (detail && out.length) {
      const last = out[out.length - 1];
      last.details = (last.details ? last.details + ' ' : '') + plain(detail[1].trim());
    }
  }
  return out;
}

function plain(md: string): string {
  return md.replace(/\*\*/g, '').replace(/\*/g, '').replace(/`/g, '').trim();
}

describe('the bundled bank', () => {
  const seed = seedQuestions(readRepoFile('test/fixtures/seed-django-interview-questions.md'));
  const bank = parseBank(readRepoFile(BUNDLED_BANK_FILE));
  const entries = listQuestions(bank);

  it('has the 256 questions of the seed and no problems', () => {
    assert.equal(seed.length, 256, 'the seed reader itself found 256 questions');
    assert.equal(entries.length, 256);
    assert.deepEqual(bank.problems, []);
    assert.equal(bank.title, 'Consolidated Django Interview Questions');
  });

  it('keeps every seed question once, word for word, with its section, number and done marker', () => {
    for (const s of seed) {
      const matches = entries.filter((e) => e.question.text === s.text);
      assert.equal(matches.length, 1, `question "${s.text}" appears ${matches.length} times`);
      const { question, path } = matches[0];
      const section = path[path.length - 1];
      assert.ok(section.title.endsWith(s.heading), `"${s.text}" is under "${section.title}", not "${s.heading}"`);
      assert.ok(question.id.endsWith(`.${s.number}`), `${question.id} should carry number ${s.number}`);
      assert.equal(question.done, s.done, `done marker of ${question.id}`);
      assert.equal(question.details.replace(/\s+/g, ' '), s.details, `details of ${question.id}`);
    }
  });

  it('has the 13 questions the author marked done', () => {
    assert.equal(entries.filter((e) => e.question.done).length, 13);
    assert.equal(seed.filter((s) => s.done).length, 13);
  });

  it('numbers ids from the bank: 2B.7, and 5B.21 for the list that starts at 21', () => {
    assert.match(byId(bank, '2B.7').text, /^Explain how F objects/);
    assert.match(byId(bank, '5B.21').text, /^How do you implement token-based authentication/);
    assert.throws(() => byId(bank, '5B.1'));
  });

  it('gives the WSGI/ASGI part a section of its own with three subsections', () => {
    const top = bank.sections.map((s) => s.title);
    assert.deepEqual(top.slice(-1), ['11. WSGI and ASGI']);
    assert.ok(!top.includes('Conclusion'), 'Conclusion has no questions and is not a section');
    const wsgi = bank.sections[bank.sections.length - 1];
    assert.deepEqual(
      wsgi.sections.map((s) => [s.id, s.questions.length]),
      [
        ['11A', 6],
        ['11B', 6],
        ['11C', 7],
      ],
    );
  });

  it('keeps the explanatory lines as details: 4B.3 and the "(Discuss ...)" lines', () => {
    const q = byId(bank, '4B.3');
    assert.equal(q.text, 'Compare process_request() and process_response() methods in middleware.');
    assert.equal(q.details, 'Explain their roles in processing incoming requests and outgoing responses.');
    assert.deepEqual(q.richDetails, [
      { t: 'p', c: [{ t: 'em', c: [{ t: 'text', v: 'Explain their roles in processing incoming requests and outgoing responses.' }] }] },
    ]);
    assert.equal(
      byId(bank, '11A.1').details,
      '(Discuss its role as a standardized synchronous interface between web servers and applications.)',
    );
    assert.equal(byId(bank, '11A.6').details, '');
  });

  it('keeps inline code as code in the rich text', () => {
    const q = byId(bank, '1.5');
    assert.deepEqual(q.rich, [
      { t: 'text', v: 'What is the purpose of the ' },
      { t: 'code', v: 'settings.py' },
      { t: 'text', v: ' file, and how does it facilitate configuration in a Django project?' },
    ]);
  });

  it('records source lines that point at the question', () => {
    const lines = readRepoFile(BUNDLED_BANK_FILE).split('\n');
    for (const { question } of entries) {
      const line = lines[question.line - 1];
      assert.match(line, /^\d+\. /, `line ${question.line} of ${question.id}`);
    }
  });
});
