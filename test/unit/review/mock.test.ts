import assert from 'node:assert/strict';
import { currentIndex, judgeDraft, mockChanges, newMock, phaseOf, readMock, timeTaken } from '../../../src/review/mock';
import { StudyStore } from '../../../src/progress/store';
import { MemoryStore } from '../../fakes/memory';

const T = 1_800_000_000_000;

describe('a mock interview run', () => {
  it('goes question by question: shown, answered, finished, rated; the time taken is measured', () => {
    let run = newMock({ runId: 'r1', bankId: 'b', ids: ['1.1', '1.2'], limitMs: 180_000, now: T });
    assert.equal(currentIndex(run), 0);
    run = mockChanges.shown(run, 0, T + 1000);
    assert.equal(mockChanges.shown(run, 0, T + 9000), run, 'shown once');
    assert.equal(phaseOf(run.items[0]), 'answer');
    run = mockChanges.answered(run, 0, 'draft', T + 2000);
    run = mockChanges.finished(run, 0, T + 61_000);
    assert.equal(phaseOf(run.items[0]), 'rate');
    assert.equal(timeTaken(run.items[0], T + 99_000), 60_000);
    run = mockChanges.rated(run, 0, 3, T + 62_000);
    assert.equal(currentIndex(run), 1);
    assert.equal(run.finished, undefined);
    run = mockChanges.rated(mockChanges.shown(run, 1, T + 63_000), 1, 1, T + 64_000);
    assert.equal(currentIndex(run), undefined);
    assert.equal(run.finished, T + 64_000);
    assert.deepEqual(readMock(JSON.parse(JSON.stringify(run))), run);
  });

  it('judges a draft a reloaded page brings back: never over a newer answer, never dropped', () => {
    let run = newMock({ runId: 'r', bankId: 'b', ids: ['1.1'], limitMs: 1000, now: T });
    for (const text of ['T', 'Th', 'The', 'The ORM']) run = mockChanges.answered(run, 0, text, T);
    const item = run.items[0];
    assert.equal(item.rev, 4);
    assert.equal(judgeDraft(item, { text: 'Th', base: 1 }), 'older', 'the state saved mid-typing: an earlier state of the stored answer');
    assert.equal(judgeDraft(item, { text: 'The ORM', base: 2 }), 'older', 'the same text');
    assert.equal(
      judgeDraft(item, { text: 'The ORM is lazy', base: 2 }),
      'take',
      'it goes on from the stored answer: keystrokes that never reached storage',
    );
    assert.equal(judgeDraft(item, { text: 'Another start', base: 4 }), 'take', 'nothing was stored since it');
    assert.equal(judgeDraft(item, { text: 'Another start', base: 3 }), 'keep', 'the two went different ways');
    run = mockChanges.keptDraft(run, 0, 'Another start', T);
    assert.equal(mockChanges.keptDraft(run, 0, 'Another start', T), run, 'kept once');
    assert.deepEqual(readMock(JSON.parse(JSON.stringify(run)))!.items[0].kept, ['Another start']);
  });

  it('refuses stored runs of the wrong shape, and sets them aside with a warning', () => {
    const good = newMock({ runId: 'r', bankId: 'b', ids: ['1.1'], limitMs: 1000, now: T });
    for (const bad of [
      { ...good, schema: 2 },
      { ...good, items: [{ id: '1.1' }] },
      { ...good, items: [{ id: '1.1', answer: '', rating: 7 }] },
      { ...good, limitMs: -1 },
      'x',
    ])
      assert.equal(readMock(bad), undefined);
    const memory = new MemoryStore();
    void memory.update('mock/b/r', { ...good, items: 'lost' });
    const store = new StudyStore(memory);
    assert.equal(store.mocks.get('b', 'r'), undefined);
    assert.equal(store.warnings.length, 1);
    assert.ok(memory.keys().some((k) => k.startsWith('aside/') && k.endsWith('mock/b/r')));
  });

  it('is stored with every answer and listed newest first', async () => {
    const store = new StudyStore(new MemoryStore());
    const older = newMock({ runId: 'a', bankId: 'b', ids: ['1.1'], limitMs: 1000, now: T });
    const newer = mockChanges.answered(newMock({ runId: 'z', bankId: 'b', ids: ['1.2'], limitMs: 1000, now: T + 5 }), 0, 'typed', T + 6);
    await store.mocks.save(older);
    await store.mocks.save(newer);
    assert.deepEqual(
      store.mocks.list('b').map((r) => [r.runId, r.items[0].answer]),
      [
        ['z', 'typed'],
        ['a', ''],
      ],
    );
  });
});
