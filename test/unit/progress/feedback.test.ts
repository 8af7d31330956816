// The replies Check My Answer keeps with a question: stored per question, the last ten, a long one
// cut, a bad stored value set aside, two windows' lists merged as their union, carried by
// backups and the notes export, and a failed write rejected (never kept in silence).
import '../../fakes/vscode-hook';
import assert from 'node:assert/strict';
import { StudyStore } from '../../../src/progress/store';
import { Study } from '../../../src/progress/study';
import { parseBank } from '../../../src/bank/parse';
import { FEEDBACK_KEPT, FEEDBACK_MAX_CHARS, mergeFeedback } from '../../../src/progress/feedback';
import { mergeStored } from '../../../src/progress/merge';
import { exportNotes } from '../../../src/export/export';
import { MemoryStore } from '../../fakes/memory';

const BANK = parseBank(['## 1. A', '', '1. one', '2. two'].join('\n'));
const reply = (at: number, text = `reply ${at}`) => ({ at, model: 'Fake Model', text, rating: 3 as const });

describe('feedback kept with a question', () => {
  it('keeps replies oldest first, the last ten, a long one cut, across a reload', async () => {
    const memory = new MemoryStore();
    const store = new StudyStore(memory);
    for (let i = 1; i <= FEEDBACK_KEPT + 2; i++) await store.feedback.add('bank', '1.1', reply(i));
    await store.feedback.add('bank', '1.2', reply(100, 'x'.repeat(FEEDBACK_MAX_CHARS + 10)));
    const again = new StudyStore(memory);
    assert.deepEqual(
      again.feedback.entries('bank', '1.1').map((e) => e.at),
      Array.from({ length: FEEDBACK_KEPT }, (_, i) => i + 3),
    );
    assert.equal(again.feedback.entries('bank', '1.2')[0].text.length, FEEDBACK_MAX_CHARS);
    assert.deepEqual(again.feedback.entries('bank', '2.1'), []);
  });

  it('sets a stored value of the wrong shape aside with a warning', async () => {
    const memory = new MemoryStore();
    await memory.update('feedback/bank/1.1', { schema: 1, entries: [{ at: 'yesterday', model: 1, text: 'x' }] });
    const store = new StudyStore(memory);
    assert.deepEqual(store.feedback.entries('bank', '1.1'), []);
    assert.match(store.warnings.map((w) => w.message).join(' '), /feedback on 1\.1 had the wrong shape/);
    assert.ok(memory.keys().some((k) => k.startsWith('aside/') && k.endsWith('feedback/bank/1.1')));
  });

  it('merges two windows’ lists as their union, and says when nothing is new', () => {
    const a = { schema: 1, entries: [reply(1), reply(3)] };
    const b = { schema: 1, entries: [reply(2), reply(3)] };
    const merged = mergeStored('feedback/bank/1.1', a, b, 0);
    assert.deepEqual(
      (merged?.value as typeof a).entries.map((e) => e.at),
      [1, 2, 3],
    );
    assert.equal(merged?.write, true);
    assert.equal(mergeFeedback(a, { schema: 1, entries: [reply(1)] })?.write, false);
    assert.equal(mergeFeedback(a, 'garbage'), undefined);
  });

  it('a write that fails rejects: the reply is not reported kept', async () => {
    const memory = new MemoryStore();
    memory.update = () => Promise.reject(new Error('the disk is full'));
    const store = new StudyStore(memory, Date.now, 50);
    await assert.rejects(store.feedback.add('bank', '1.1', reply(1)), /the disk is full/);
    assert.deepEqual(
      store.unsaved().writes.map((w) => w.key),
      ['feedback/bank/1.1'],
    );
  });

  it('travels in a backup and in the notes export', async () => {
    const store = new StudyStore(new MemoryStore());
    const study = new Study('bank', BANK, store);
    await store.feedback.add('bank', '1.2', reply(Date.UTC(2026, 11, 2, 10, 30), '**Right**: lazy.\n\nSuggested rating: 3'));
    assert.ok('feedback/bank/1.2' in store.backup('bank', 'Bank', new Date()).entries);
    const { markdown, questions } = exportNotes({
      bank: study.bank,
      note: () => '',
      isDone: () => false,
      feedback: (id) => store.feedback.entries('bank', id),
      at: new Date(0),
    });
    assert.equal(questions, 1, 'a question with feedback only is exported');
    assert.match(markdown, /Feedback from Fake Model, 2026-12-02 10:30 UTC:\n\n> \*\*Right\*\*: lazy\.\n>\n> Suggested rating: 3/);
  });
});
