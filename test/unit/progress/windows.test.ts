// Two windows on one workspace: two extension hosts, each with its own copy of workspace storage
// (the browser keeps one value per extension and writes it back whole: the last window to write
// wins), and one journal folder on disk. Every tick and every character must survive.
import assert from 'node:assert/strict';
import { JournaledStore } from '../../../src/progress/journal';
import { mergeStored } from '../../../src/progress/merge';
import { StudyStore } from '../../../src/progress/store';
import { Study } from '../../../src/progress/study';
import { parseBank } from '../../../src/bank/parse';
import { MemoryDir, MemoryStore } from '../../fakes/memory';

const BANK = parseBank(['## 1. A', '', ...Array.from({ length: 12 }, (_, i) => `${i + 1}. question ${i + 1}`)].join('\n'));

interface Window {
  study: Study;
  journal: JournaledStore;
  memento: MemoryStore;
  /** Reads what the other windows wrote, as the file watcher would. */
  follow(): Promise<string[]>;
}

let clock = 1000;
const now = () => ++clock;

async function openWindow(dir: MemoryDir, memento: MemoryStore, hostId: string): Promise<Window> {
  const { store: journal } = await JournaledStore.open(memento, dir, { hostId, now, merge: mergeStored });
  const store = new StudyStore(journal, now);
  const study = new Study('bank', BANK, store);
  await store.flush();
  await journal.flush();
  return {
    study,
    journal,
    memento,
    follow: async () => {
      await journal.flush();
      const keys = await journal.readOthers();
      store.changedElsewhere(keys);
      return keys;
    },
  };
}

/** What a reload finds in workspace storage: the whole value of whichever window wrote last. */
const lastWriter = (w: Window) => w.memento.clone();

describe('two windows on one workspace', () => {
  it('keeps a tick made in each window, and each window sees the other’s without a reload', async () => {
    const dir = new MemoryDir();
    const shared = new MemoryStore();
    const a = await openWindow(dir, shared.clone(), 'a');
    const b = await openWindow(dir, shared.clone(), 'b');
    const seenInB: unknown[] = [];
    b.study.store.onDidChangeProgress((e) => seenInB.push(e));
    await a.study.setDone('1.9', true);
    await b.study.setDone('1.10', true);
    await a.journal.flush();
    await b.journal.flush();
    await b.follow();
    await a.follow();
    assert.deepEqual(
      seenInB,
      [
        { bankId: 'bank', ids: ['1.10'] },
        { bankId: 'bank', ids: ['1.9'] },
      ],
      'B’s tree heard of A’s tick',
    );
    for (const w of [a, b]) assert.deepEqual([...w.study.store.doneIds('bank')].sort(), ['1.10', '1.9']);
    // Reload: storage holds B's whole value, written before B heard of A's tick.
    const reloaded = await openWindow(dir, lastWriter(b), 'c');
    assert.deepEqual([...reloaded.study.store.doneIds('bank')].sort(), ['1.10', '1.9']);
  });

  it('lets the later change of the same question win in every window', async () => {
    const dir = new MemoryDir();
    const a = await openWindow(dir, new MemoryStore(), 'a');
    const b = await openWindow(dir, new MemoryStore(), 'b');
    await a.study.setDone('1.3', true);
    await b.study.setDone('1.3', true);
    await b.study.setDone('1.3', false);
    await b.journal.flush();
    await a.follow();
    await b.follow();
    assert.equal(a.study.isDone('1.3'), false);
    assert.equal(b.study.isDone('1.3'), false);
  });

  it('keeps both windows’ typing on one note: the later copy is the note, the other a conflict copy', async () => {
    const dir = new MemoryDir();
    const a = await openWindow(dir, new MemoryStore(), 'a');
    const b = await openWindow(dir, new MemoryStore(), 'b');
    // A types; B has heard it and appends; A types again without having heard B's.
    await a.study.store.notes.edit(a.study.bankId, '1.1', { text: 'A1', writer: 'pa', revision: 1, base: 0 });
    await a.journal.flush();
    await b.follow();
    const base = b.study.noteRecord('1.1').stamp.version;
    await b.study.store.notes.edit(b.study.bankId, '1.1', { text: 'A1 B1', writer: 'pb', revision: 1, base });
    await a.study.store.notes.edit(a.study.bankId, '1.1', { text: 'A1 A2', writer: 'pa', revision: 2, base: 1 });
    await a.journal.flush();
    await b.journal.flush();
    await a.follow();
    await b.follow();
    const texts = [a.study.getNote('1.1'), b.study.getNote('1.1')];
    assert.equal(texts[0], texts[1], 'both windows show the same note');
    const copies = [...new Set([...a.study.conflicts(), ...b.study.conflicts()].map((c) => c.text))];
    const everything = [texts[0], ...copies].join('\n');
    for (const piece of ['A1', 'B1', 'A2']) assert.ok(everything.includes(piece), `${piece} is kept`);
    const reloaded = await openWindow(dir, lastWriter(a), 'c');
    assert.equal(reloaded.study.getNote('1.1'), texts[0]);
  });

  it('keeps a note typed in a window closed right after, when the other window writes and reloads', async () => {
    const dir = new MemoryDir();
    const shared = new MemoryStore();
    const a = await openWindow(dir, shared.clone(), 'a');
    const b = await openWindow(dir, shared.clone(), 'b');
    for (let i = 1; i <= 5; i++)
      await a.study.store.notes.edit(a.study.bankId, '1.4', { text: 'hello'.slice(0, i), writer: 'pa', revision: i, base: 0 });
    await a.journal.flush(); // A's tab closes: its storage never reached the browser's.
    await b.study.setDone('1.7', true);
    await b.journal.flush();
    const reloaded = await openWindow(dir, lastWriter(b), 'c');
    assert.equal(reloaded.study.getNote('1.4'), 'hello');
    assert.equal(reloaded.study.isDone('1.7'), true);
  });

  it('tells open pages of the other window that a note changed', async () => {
    const dir = new MemoryDir();
    const a = await openWindow(dir, new MemoryStore(), 'a');
    const b = await openWindow(dir, new MemoryStore(), 'b');
    const heard: string[] = [];
    b.study.store.onDidChangeNote((c) => heard.push(c.text));
    await a.study.store.notes.edit(a.study.bankId, '1.2', { text: 'from A', writer: 'pa', revision: 1, base: 0 });
    await a.journal.flush();
    await b.follow();
    assert.deepEqual(heard, ['from A']);
    assert.equal(b.study.noteRecord('1.2').stamp.writer, 'pa');
  });
});
