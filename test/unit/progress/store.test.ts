import assert from 'node:assert/strict';
import {
  StudyStore,
  NOTE_MAX_CHARS,
  readProgress,
  readNote,
  migrateProgress,
  migrateNote,
  SCHEMA,
  PROGRESS_SCHEMA,
} from '../../../src/progress/store';
import { Study } from '../../../src/progress/study';
import { parseBank } from '../../../src/bank/parse';
import { MemoryStore } from '../../fakes/memory';

const BANK = parseBank(
  ['## 1. A', '', '1. one **done**', '2. two', '', '### 1B. Sub', '', '1. three', '', '## 2. B', '', '1. four **done**'].join('\n'),
);

describe('StudyStore and Study', () => {
  it('seeds done state from the bank markers the first time, then keeps the user choices', async () => {
    const memory = new MemoryStore();
    const study = new Study('bank', BANK, new StudyStore(memory));
    assert.deepEqual([...study.store.doneIds('bank')].sort(), ['1.1', '2.1']);
    await study.setDone('1.1', false);
    await study.setDone('1.2', true);
    await study.store.flush();
    const again = new Study('bank', BANK, new StudyStore(memory));
    assert.deepEqual([...again.store.doneIds('bank')].sort(), ['1.2', '2.1'], 'the markers do not come back');
  });

  it('counts the bank’s markers as done before the first day, never as that day’s work', async () => {
    const DAY = 24 * 60 * 60 * 1000;
    let now = Date.UTC(2026, 11, 1, 12);
    const memory = new MemoryStore();
    const study = new Study('bank', BANK, new StudyStore(memory, () => now));
    const first = study.statistics().doneOverTime;
    assert.deepEqual(
      first.map((d) => d.count),
      first.map(() => 2),
      'the two marked questions, done all along',
    );
    now += DAY;
    await study.setDone('1.2', true);
    const after = study.statistics().doneOverTime.map((d) => d.count);
    assert.deepEqual(after.slice(-2), [2, 3], 'the learner’s tick counts on its day');
  });

  it('counts done questions per section, subsections included', async () => {
    const study = new Study('bank', BANK, new StudyStore(new MemoryStore()));
    const [a, b] = BANK.sections;
    assert.deepEqual(study.count(a), { done: 1, total: 3 });
    assert.deepEqual(study.count(a.sections[0]), { done: 0, total: 1 });
    assert.deepEqual(study.count(b), { done: 1, total: 1 });
    await study.setDone('1B.1', true);
    assert.deepEqual(study.count(a), { done: 2, total: 3 });
    assert.deepEqual(study.total(), { done: 3, total: 4 });
  });

  it('tells listeners which question changed, and stays quiet when nothing did', async () => {
    const store = new StudyStore(new MemoryStore());
    const study = new Study('bank', BANK, store);
    const seen: unknown[] = [];
    store.onDidChangeProgress((e) => seen.push(e));
    await study.setDone('1.2', true);
    await study.setDone('1.2', true);
    await study.clearAll();
    assert.deepEqual(seen, [{ bankId: 'bank', ids: ['1.2'] }, { bankId: 'bank' }]);
  });

  it('resets to the bank markers or clears all', async () => {
    const study = new Study('bank', BANK, new StudyStore(new MemoryStore()));
    await study.setDone('1.2', true);
    await study.clearAll();
    assert.equal(study.total().done, 0);
    await study.resetToMarkers();
    assert.deepEqual([...study.store.doneIds('bank')].sort(), ['1.1', '2.1']);
  });

  it('walks the bank in order with neighbours', () => {
    const study = new Study('bank', BANK, new StudyStore(new MemoryStore()));
    assert.deepEqual(
      study.entries.map((e) => e.question.id),
      ['1.1', '1.2', '1B.1', '2.1'],
    );
    assert.equal(study.neighbour('1.2', 'next')?.question.id, '1B.1');
    assert.equal(study.neighbour('1B.1', 'previous')?.question.id, '1.2');
    assert.equal(study.neighbour('1.1', 'previous'), undefined);
    assert.equal(study.neighbour('2.1', 'next'), undefined);
    assert.equal(study.neighbour('nope', 'next'), undefined);
  });

  it('stores notes under the bank and question with a version, and keeps an emptied note as an empty entry', async () => {
    const memory = new MemoryStore();
    const store = new StudyStore(memory, () => 42);
    await store.setNote('bank', '1.1', 'an answer');
    const stored = memory.get('note/bank/1.1') as Record<string, unknown>;
    assert.deepEqual(
      { ...stored, writer: typeof stored.writer },
      { schema: 1, text: 'an answer', updated: 42, version: 1, writer: 'string', revision: 1, seen: [] },
    );
    assert.equal(store.getNote('bank', '1.1'), 'an answer');
    assert.deepEqual(store.notedIds('bank'), ['1.1']);
    await store.setNote('bank', '1.1', '');
    // Its version stays, so an older draft of the note cannot bring the text back.
    assert.equal((memory.get('note/bank/1.1') as { version: number }).version, 2);
    assert.equal(store.getNote('bank', '1.1'), '');
    assert.deepEqual(store.notedIds('bank'), []);
  });

  it('refuses a note over the limit and keeps the stored one', async () => {
    const memory = new MemoryStore();
    const store = new StudyStore(memory);
    await store.setNote('bank', '1.1', 'kept');
    await assert.rejects(store.setNote('bank', '1.1', 'x'.repeat(NOTE_MAX_CHARS + 1)), /too large/);
    assert.equal(store.getNote('bank', '1.1'), 'kept');
    await store.setNote('bank', '1.1', 'y'.repeat(NOTE_MAX_CHARS));
    assert.equal(store.getNote('bank', '1.1').length, NOTE_MAX_CHARS);
  });

  it('keeps notes in every Unicode plane as they were typed', async () => {
    const store = new StudyStore(new MemoryStore());
    const text = 'ASCII é 中文 𝔘𝔫𝔦 🐍🧪 \u{10FFFD} \u200d\u0301 \r\n tabs\t';
    await store.setNote('bank', '1.1', text);
    assert.equal(store.getNote('bank', '1.1'), text);
  });

  it('reads stored progress of the wrong shape: good entries kept, bad ones counted', () => {
    assert.equal(readProgress({ schema: 1, done: { a: true }, updated: 0 }).bad, 1, 'a shape no release wrote');
    const v2 = readProgress({
      schema: 2,
      marks: { a: { done: true, at: 1 }, b: { done: 'yes', at: 1 }, c: { done: false, at: 2 }, d: { done: true } },
    });
    assert.deepEqual([v2.ids, v2.bad, { ...v2.marks }], [new Set(['a']), 2, { a: { done: true, at: 1 }, c: { done: false, at: 2 } }]);
    assert.equal(readProgress('garbage').bad, 1);
    assert.equal(readProgress({ schema: 99, marks: {} }).bad, 1);
    assert.equal(readNote({ schema: 1, text: 5 }), undefined);
    assert.deepEqual(readNote({ schema: 1, text: 'ok' }), { schema: 1, text: 'ok', updated: 0 });
    assert.deepEqual(readNote({ schema: 1, text: 'ok', updated: 3, version: 2, writer: 'w', revision: 9 }), {
      schema: 1,
      text: 'ok',
      updated: 3,
      version: 2,
      writer: 'w',
      revision: 9,
    });
    assert.deepEqual(
      readNote({ schema: 1, text: 'ok', version: -1, writer: 'w', revision: 9 }),
      { schema: 1, text: 'ok', updated: 0 },
      'a bad stamp reads as no stamp',
    );
  });

  it('sets bad stored progress aside with one warning and keeps the good entries', async () => {
    const memory = new MemoryStore();
    await memory.update('progress/bank', { schema: 2, marks: { '1.2': { done: true, at: 1 }, '2.1': { done: 'yes', at: 1 } }, updated: 1 });
    const store = new StudyStore(memory, () => 7);
    const study = new Study('bank', BANK, store);
    await store.flush();
    assert.deepEqual([...study.store.doneIds('bank')], ['1.2']);
    assert.equal(store.warnings.length, 1);
    assert.match(store.warnings[0].message, /1 entry of the wrong shape/);
    assert.deepEqual(memory.get('aside/7/progress/bank'), {
      schema: 2,
      marks: { '1.2': { done: true, at: 1 }, '2.1': { done: 'yes', at: 1 } },
      updated: 1,
    });
    assert.deepEqual(memory.get('progress/bank'), { schema: 2, marks: { '1.2': { done: true, at: 1 } }, updated: 7 });
  });
});

describe('a stored note of the wrong shape', () => {
  it('is set aside once, however often it is read before its removal lands', async () => {
    const memory = new MemoryStore();
    await memory.update('note/bank/1.1', { text: 42 });
    const store = new StudyStore(memory, () => 9);
    const seen: string[] = [];
    store.onWarning((w) => seen.push(w.key));
    assert.equal(store.getNote('bank', '1.1'), '');
    assert.equal(store.getNote('bank', '1.1'), '');
    await store.flush();
    assert.deepEqual(seen, ['note/bank/1.1']);
    assert.deepEqual(memory.get('aside/9/note/bank/1.1'), { text: 42 });
    assert.equal(memory.get('note/bank/1.1'), undefined);
  });
});

describe('stored schema versions', () => {
  it('sets aside progress of a shape no release wrote, keeping the original, and starts from the bank’s markers', async () => {
    assert.equal(SCHEMA, 1);
    assert.equal(PROGRESS_SCHEMA, 2);
    const note = { schema: 1, text: 'x', updated: 5 };
    assert.deepEqual(migrateNote(note), note);
    const memory = new MemoryStore();
    await memory.update('progress/bank', { schema: 1, done: { '1.2': true }, updated: 5 });
    const study = new Study('bank', BANK, new StudyStore(memory, () => 9));
    await study.store.flush();
    assert.equal(study.warnings.length, 1);
    assert.deepEqual(memory.get('aside/9/progress/bank'), { schema: 1, done: { '1.2': true }, updated: 5 });
  });

  it('does not take a value of a newer schema for the current one', () => {
    const future = { schema: 3, marks: { a: { done: true, at: 1 } }, updated: 5 };
    assert.deepEqual(migrateProgress(future), future);
    assert.equal(readProgress(future).bad, 1);
    assert.equal(readNote({ schema: 2, text: 'x' }), undefined);
  });
});

describe('writes under fast typing', () => {
  it('hands every note edit to storage at once, not behind the previous write round trip', async () => {
    const calls: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = {
      data: new Map<string, unknown>(),
      get(key: string) {
        return this.data.get(key);
      },
      update(key: string, value: unknown) {
        calls.push((value as { text?: string } | undefined)?.text ?? '');
        this.data.set(key, value);
        return gate; // like a round trip to the window that has not come back yet
      },
      keys() {
        return [...this.data.keys()];
      },
    };
    const store = new StudyStore(slow);
    const saved = ['M', 'ME', 'MED', 'MEDI', 'MEDIA'].map((t) => store.setNote('bank', '1.1', t));
    assert.deepEqual(calls, ['M', 'ME', 'MED', 'MEDI', 'MEDIA'], 'each edit reached storage before any write came back');
    let settled = false;
    void Promise.all(saved).then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 10));
    assert.equal(settled, false, 'saves are not reported before storage confirms them');
    release();
    await store.flush();
    assert.equal(store.getNote('bank', '1.1'), 'MEDIA');
  });
});
