// The version rule for notes: a copy that arrives late never replaces a newer one, and a losing
// copy that holds text the winner lacks is kept as a conflict copy.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyPatch, holdsTextTheOtherLacks, judgeEdit, makePatch, UNVERSIONED, type NoteEdit } from '../../../src/shared/note-sync';
import { Storage } from '../../../src/progress/storage';
import { NoteStore } from '../../../src/progress/notes';
import { mergeNote, mergeStored } from '../../../src/progress/merge';
import { JournaledStore } from '../../../src/progress/journal';
import { MemoryDir, MemoryStore } from '../../fakes/memory';

function notes(memory = new MemoryStore(), now = () => 1000) {
  return { memory, store: new NoteStore(new Storage(memory, now)) };
}

/** A page load typing `text` one character at a time; returns the edit of each keystroke. */
function typing(writer: string, text: string, base = 0, from = ''): NoteEdit[] {
  const edits: NoteEdit[] = [];
  for (let i = 1; i <= text.length; i++) edits.push({ text: from + text.slice(0, i), writer, revision: i, base });
  return edits;
}

describe('the version rule', () => {
  it('orders one writer by its revisions and others by the version they last saw', () => {
    const stored = { version: 5, writer: 'a', revision: 9 };
    assert.equal(judgeEdit(stored, { writer: 'a', revision: 10, base: 0 }), 'apply');
    assert.equal(judgeEdit(stored, { writer: 'a', revision: 9, base: 5 }), 'stale');
    assert.equal(
      judgeEdit(stored, { writer: 'a', revision: 3, base: 5 }),
      'stale',
      'an old draft of the same page, whatever base it claims',
    );
    assert.equal(judgeEdit(stored, { writer: 'b', revision: 1, base: 5 }), 'apply');
    assert.equal(judgeEdit(stored, { writer: 'b', revision: 99, base: 4 }), 'concurrent');
    assert.equal(judgeEdit(UNVERSIONED, { writer: 'b', revision: 1, base: 0 }), 'apply', 'a note from before versions');
  });

  it('tells whether a text holds characters another lacks', () => {
    assert.equal(holdsTextTheOtherLacks('abc', 'abcdef'), false, 'a prefix');
    assert.equal(holdsTextTheOtherLacks('ace', 'abcde'), false, 'the other has only insertions');
    assert.equal(holdsTextTheOtherLacks('abc', 'ab'), true);
    assert.equal(holdsTextTheOtherLacks('abx', 'abc'), true);
    assert.equal(holdsTextTheOtherLacks('', 'x'), false);
    assert.equal(holdsTextTheOtherLacks('🐍', '\ud83d'), true);
  });
});

describe('patches of long notes', () => {
  it('turn any text into any other, in one changed stretch', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const patch = makePatch(a, b, 1);
        assert.equal(applyPatch(a, patch), b);
        assert.ok(patch.insert.length <= b.length && patch.remove <= a.length);
      }),
    );
    assert.deepEqual(makePatch('abcdef', 'abXdef', 4), { from: 4, at: 2, remove: 1, insert: 'X' });
    assert.deepEqual(makePatch('aaa', 'aaaa', 1), { from: 1, at: 3, remove: 0, insert: 'a' });
    assert.equal(applyPatch('abc', { at: 2, remove: 5, insert: '' }), undefined, 'a patch past the end does not apply');
  });

  it("apply only to the page's own previous send", async () => {
    const { store } = notes();
    const long = 'x'.repeat(30000);
    await store.edit('b', '1', { text: long, writer: 'p', revision: 1, base: 0 });
    const patch = makePatch(long, long + 'y', 1);
    assert.equal(store.patched('b', '1', 'p', patch), long + 'y');
    assert.equal(store.patched('b', '1', 'q', patch), undefined, 'another page');
    assert.equal(store.patched('b', '1', 'p', { ...patch, from: 0 }), undefined, 'an earlier send');
    await store.set('b', '1', 'changed elsewhere');
    assert.equal(store.patched('b', '1', 'p', patch), undefined, 'the note changed since');
  });
});

describe('NoteStore', () => {
  it('keeps the whole note when a revived page brings back a draft saved mid-typing (the reported loss)', async () => {
    const { store } = notes();
    const note = 'select_related follows foreign keys in one query; prefetch_related runs a second query. '.repeat(6);
    for (const edit of typing('page-1', note)) await store.edit('b', '1', edit);
    // The workbench saved the page's state at keystroke 200; the reload revives that draft.
    const draft = typing('page-1', note)[199];
    const outcome = await store.edit('b', '1', draft, { restored: true });
    assert.equal(outcome.kind, 'kept');
    assert.equal(outcome.kind === 'kept' && outcome.text, note);
    assert.equal(outcome.conflict, undefined, 'an earlier state of the same typing is not a conflict');
    assert.equal(store.get('b', '1').text, note);
    assert.deepEqual(store.conflicts('b'), []);
  });

  it('takes a restored draft that is newer: the same page further on, or made on the stored version', async () => {
    const { store } = notes();
    const edits = typing('page-1', 'abcdef');
    for (const e of edits.slice(0, 4)) await store.edit('b', '1', e);
    // The last two keystrokes never reached the extension, but the page's state kept them.
    assert.equal((await store.edit('b', '1', edits[5], { restored: true })).kind, 'saved');
    assert.equal(store.get('b', '1').text, 'abcdef');
    const version = store.get('b', '1').stamp.version;
    assert.equal(
      (await store.edit('b', '1', { text: 'abcdef!', writer: 'page-2', revision: 1, base: version }, { restored: true })).kind,
      'saved',
    );
    assert.equal(store.get('b', '1').text, 'abcdef!');
  });

  it('keeps a stale draft as a conflict copy only when it and the note each hold text the other lacks', async () => {
    const { store } = notes();
    await store.edit('b', '1', { text: 'abc', writer: 'p', revision: 3, base: 0 });
    await store.edit('b', '1', { text: 'ab', writer: 'p', revision: 4, base: 0 });
    let outcome = await store.edit('b', '1', { text: 'abc', writer: 'p', revision: 3, base: 0 }, { restored: true });
    assert.equal(outcome.conflict, undefined, 'deleted by the learner: the note holds nothing the draft lacks');
    await store.edit('b', '1', { text: 'abd', writer: 'p', revision: 5, base: 0 });
    outcome = await store.edit('b', '1', { text: 'abc', writer: 'p', revision: 3, base: 0 }, { restored: true });
    assert.equal(outcome.kind, 'kept');
    assert.equal(store.get('b', '1').text, 'abd');
    assert.deepEqual(
      store.conflicts('b').map((c) => [c.id, c.text]),
      [['1', 'abc']],
    );
  });

  it('keeps the stored note over a restored draft that never saw it, and the draft as a conflict copy', async () => {
    const { store } = notes();
    await store.edit('b', '1', { text: 'from page one', writer: 'p1', revision: 1, base: 0 });
    await store.edit('b', '1', { text: 'from page one, more', writer: 'p1', revision: 2, base: 0 });
    const outcome = await store.edit('b', '1', { text: 'page two typed this', writer: 'p2', revision: 7, base: 0 }, { restored: true });
    assert.equal(outcome.kind, 'kept');
    assert.equal(store.get('b', '1').text, 'from page one, more');
    assert.deepEqual(
      store.conflicts('b').map((c) => c.text),
      ['page two typed this'],
    );
  });

  it('lets a live edit that missed another page save win, keeping the text it replaced', async () => {
    const { store } = notes();
    await store.edit('b', '1', { text: 'A wrote', writer: 'pa', revision: 1, base: 0 });
    const outcome = await store.edit('b', '1', { text: 'B wrote', writer: 'pb', revision: 1, base: 0 });
    assert.equal(outcome.kind, 'saved');
    assert.equal(store.get('b', '1').text, 'B wrote');
    assert.deepEqual(
      store.conflicts('b').map((c) => c.text),
      ['A wrote'],
    );
    // B goes on typing on top of what it saved: no new copies.
    await store.edit('b', '1', { text: 'B wrote more', writer: 'pb', revision: 2, base: 0 });
    assert.equal(store.conflicts('b').length, 1);
  });

  it('keeps one conflict copy for a run of conflicts that each hold the last', async () => {
    const { store } = notes();
    await store.edit('b', '1', { text: 'note', writer: 'p', revision: 10, base: 0 });
    for (const draft of ['x', 'xy', 'xyz'])
      await store.edit('b', '1', { text: draft, writer: 'q', revision: 1, base: 0 }, { restored: true });
    await store.edit('b', '1', { text: 'x', writer: 'q', revision: 1, base: 0 }, { restored: true });
    assert.deepEqual(
      store.conflicts('b').map((c) => c.text),
      ['xyz'],
    );
  });

  it('applies the rule to notes over 100,000 characters, whose sends are far apart in revisions', async () => {
    const { store } = notes();
    const big = 'QuerySets are lazy. '.repeat(7500);
    const sends = [big, big + 'one', big + 'one two', big + 'one two three'];
    sends.forEach((text, i) => void store.edit('b', '1', { text, writer: 'p', revision: (i + 1) * 40, base: 0 }));
    const outcome = await store.edit('b', '1', { text: sends[1], writer: 'p', revision: 80, base: 0 }, { restored: true });
    assert.equal(outcome.kind, 'kept');
    assert.equal(store.get('b', '1').text, sends[3]);
  });

  it('does not bring back an emptied note from an older draft', async () => {
    const { store } = notes();
    for (const e of typing('p', 'to be deleted')) await store.edit('b', '1', e);
    await store.edit('b', '1', { text: '', writer: 'p', revision: 99, base: 0 });
    await store.edit('b', '1', typing('p', 'to be deleted')[5], { restored: true });
    assert.equal(store.get('b', '1').text, '');
  });

  it('restores a conflict copy as the note, keeping the note it replaces', async () => {
    const { store } = notes();
    await store.edit('b', '1', { text: 'current', writer: 'p', revision: 1, base: 0 });
    await store.edit('b', '1', { text: 'other', writer: 'q', revision: 1, base: 0 }, { restored: true });
    const [copy] = store.conflicts('b');
    const changes: string[] = [];
    store.onDidChangeNote((c) => changes.push(c.text));
    await store.restoreConflict(copy);
    assert.equal(store.get('b', '1').text, 'other');
    assert.deepEqual(changes, ['other'], 'open pages hear of it');
    assert.deepEqual(
      store.conflicts('b').map((c) => c.text),
      ['current'],
    );
  });

  it('remembers the question shown last, by any page and by each page', () => {
    const { store, memory } = notes();
    assert.equal(store.lastShown('b'), undefined);
    store.setLastShown('b', '3.4', 'aa');
    store.setLastShown('b', '5.1', 'bb');
    const again = new NoteStore(new Storage(memory));
    assert.equal(again.lastShown('b'), '5.1');
    assert.equal(again.lastShown('b', 'aa'), '3.4');
    assert.equal(again.lastShown('b', 'cc'), undefined);
    for (let i = 0; i < 40; i++) store.setLastShown('b', `1.${i}`, `p${i}`);
    const pages = (memory.get('shown/b') as { pages: Record<string, string> }).pages;
    assert.equal(Object.keys(pages).length, 32, 'only the most recent pages');
    assert.equal(store.lastShown('b', 'p39'), '1.39');
  });
});

describe('merging copies of a note from the journal or another window', () => {
  const note = (text: string, version: number, writer = 'p', seen: string[] = []) => ({
    schema: 1,
    text,
    updated: 1,
    version,
    writer,
    revision: version,
    seen,
  });

  it('takes the copy with the higher version and leaves an earlier state without a copy', () => {
    assert.deepEqual(mergeNote('note/b/1', note('old', 3), note('new', 4), 9), { write: true, value: note('new', 4) });
    assert.deepEqual(mergeNote('note/b/1', note('newer', 5), note('ol', 4), 9), { write: false, value: note('ol', 4) });
    assert.equal(mergeNote('progress/b', {}, {}, 9), undefined, 'other keys keep the journal rule');
    // Deleted text across a reload: an earlier writer the later copy remembers is not a conflict.
    const merged = mergeNote('note/b/1', note('abc', 4, 'p1'), note('ab', 6, 'p2', ['p1']), 9);
    assert.deepEqual(merged?.also, undefined);
  });

  it('keeps the loser of two parallel copies as one conflict copy, and every window picks the same winner', () => {
    const a = note('from window A', 4, 'a', ['p']);
    const b = note('from window B', 4, 'b', ['p']);
    const inA = mergeNote('note/b/1', a, b, 10)!;
    const inB = mergeNote('note/b/1', b, a, 10)!;
    assert.equal(inA.write, true, 'window A takes B’s copy (writer "b" orders after "a")');
    assert.equal(inB.write, false, 'window B keeps its own');
    assert.deepEqual(inA.also?.[0][0], inB.also?.[0][0], 'one key for the copy');
    assert.equal((inA.also?.[0][1] as { text: string }).text, 'from window A');
  });

  it('keeps the journal copy of a disagreeing equal version once, found again or not', async () => {
    const dir = new MemoryDir();
    dir.files.set('a-0.jsonl', JSON.stringify({ k: 'note/b/1', v: note('from window A', 4, 'a'), at: 5 }) + '\n');
    const memory = new MemoryStore();
    await memory.update('note/b/1', note('from window B', 4, 'b'));
    await JournaledStore.open(memory, dir, { hostId: 'x', now: () => 10, merge: mergeStored });
    await JournaledStore.open(memory, dir, { hostId: 'y', now: () => 20, merge: mergeStored });
    const store = new NoteStore(new Storage(memory));
    assert.equal(store.get('b', '1').text, 'from window B');
    assert.deepEqual(
      store.conflicts('b').map((c) => c.text),
      ['from window A'],
    );
  });
});
