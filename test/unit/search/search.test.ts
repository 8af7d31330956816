import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBank } from '../../../src/bank/parse';
import { listQuestions } from '../../../src/bank/model';
import { QuestionSearch } from '../../../src/search/search';

const bundled = listQuestions(parseBank(readFileSync(join(__dirname, '../../../../questions/django-interview-questions.md'), 'utf8')));

describe('the question search', () => {
  it('lists the questions that name CSRF (CSRF_COOKIE_SECURE too) before any that only mention it elsewhere', () => {
    const hits = new QuestionSearch(bundled, () => '').search('csrf');
    const named = bundled.filter((e) => /csrf/i.test(e.question.text)).map((e) => e.question.id);
    assert.ok(named.length >= 2);
    assert.deepEqual(
      hits
        .slice(0, named.length)
        .map((h) => h.id)
        .sort(),
      [...named].sort(),
      'every question naming CSRF comes first',
    );
    assert.ok(hits.every((h) => h.fields.length > 0));
  });

  it('ranks a phrase as typed above its words apart, and finds ids, prefixes and near misses', () => {
    const s = new QuestionSearch(bundled, () => '');
    const [first] = s.search('select_related');
    assert.match(bundled.find((e) => e.question.id === first.id)!.question.text, /select_related/);
    assert.equal(s.search('4B.3')[0].id, '4B.3');
    assert.deepEqual(s.search('4B.3')[0].fields, ['qid']);
    assert.ok(s.search('querset').length > 0, 'a typo of five letters or more still finds');
    assert.ok(
      s.search('middlew').some((h) => /middleware/i.test(bundled.find((e) => e.question.id === h.id)!.question.text)),
      'prefixes',
    );
    assert.deepEqual(s.search('   '), []);
  });

  it('searches the bank’s answers and the learner’s notes, kept up to date, and says which part matched', () => {
    const bank = listQuestions(
      parseBank('## S\n\n### 1. What is a QuerySet?\n\nA lazy query.\n\n### 2. What is a manager?\n\nThe table door.\n'),
    );
    const notes: Record<string, string> = { 's.2': 'objects is the default' };
    const s = new QuestionSearch(bank, (id) => notes[id] ?? '');
    assert.deepEqual(
      s.search('lazy').map((h) => [h.id, h.fields]),
      [['s.1', ['answer']]],
    );
    assert.deepEqual(
      s.search('objects').map((h) => [h.id, h.fields]),
      [['s.2', ['note']]],
    );
    s.setNote('s.1', 'evaluated when iterated');
    s.setNote('s.2', '');
    assert.deepEqual(
      s.search('iterated').map((h) => h.id),
      ['s.1'],
    );
    assert.deepEqual(s.search('objects'), []);
  });
});
