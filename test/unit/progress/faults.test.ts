// Saved means saved: every way a write can fail is a failure the learner hears of, never a
// "Saved", and what failed lands once the cause is gone. Each of these failed on the code before
// (Storage.write and the journal's append turned failures into console.error and success).
import assert from 'node:assert/strict';
import { StudyStore } from '../../../src/progress/store';
import { JournaledStore } from '../../../src/progress/journal';
import { mergeStored } from '../../../src/progress/merge';
import { NoteMirror, type NoteFileSystem } from '../../../src/progress/note-files';
import { MemoryDir, MemoryStore } from '../../fakes/memory';

const until = async (what: string, check: () => boolean, ms = 8000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};
const edit = (text: string, revision: number) => ({ text, writer: 'w1', revision, base: 0 });

/** A Memento whose writes reject (or never settle) while told to. */
class FaultyStore extends MemoryStore {
  mode: 'ok' | 'reject' | 'hang' = 'ok';
  override update(key: string, value: unknown): Promise<void> {
    if (this.mode === 'reject') return Promise.reject(new Error('the disk is full'));
    if (this.mode === 'hang') return new Promise(() => undefined);
    return super.update(key, value);
  }
}

describe('saving that fails', () => {
  it('a rejected storage write rejects the edit, is told, and lands once storage works again', async () => {
    const kv = new FaultyStore();
    const store = new StudyStore(kv);
    const told: number[] = [];
    store.onDidChangeUnsaved((u) => told.push(u.writes.length));
    kv.mode = 'reject';
    await assert.rejects(store.notes.edit('b', '1', edit('my answer', 1)), /the disk is full/);
    assert.deepEqual(
      store.unsaved().writes.map((w) => [w.key, w.reason]),
      [['note/b/1', 'the disk is full']],
    );
    await assert.rejects(store.flush(), /the disk is full/, 'nothing claims everything is saved');
    // The page sends the same edit again while it still fails: still not saved.
    await assert.rejects(store.notes.edit('b', '1', edit('my answer', 1)), /the disk is full/);
    kv.mode = 'ok';
    await until('the retry to land', () => store.unsaved().writes.length === 0);
    assert.equal((kv.get('note/b/1') as { text: string }).text, 'my answer');
    assert.deepEqual(
      await store.notes.edit('b', '1', edit('my answer', 1)).then((o) => o.kind),
      'kept',
      'the page’s next send is told it is saved',
    );
    await store.flush();
    assert.deepEqual(told.at(-1), 0, 'and the learner is told it landed');
    store.dispose();
  });

  it('a write that never settles is a failure after the time-out, retried until it lands', async () => {
    const kv = new FaultyStore();
    const store = new StudyStore(kv, Date.now, 50);
    kv.mode = 'hang';
    await assert.rejects(store.setDone('b', '1', true), /did not answer within 0.05 s/);
    assert.equal(store.unsaved().writes.length, 1);
    kv.mode = 'ok';
    await until('the retry to land', () => store.unsaved().writes.length === 0);
    assert.deepEqual((kv.get('progress/b') as { marks: Record<string, { done: boolean }> }).marks['1'].done, true);
    store.dispose();
  });

  it('keeps the newest value of a key that failed, never an older one over it', async () => {
    const kv = new FaultyStore();
    const store = new StudyStore(kv);
    kv.mode = 'reject';
    await assert.rejects(store.notes.edit('b', '1', edit('first', 1)));
    await assert.rejects(store.notes.edit('b', '1', edit('first and second', 2)));
    kv.mode = 'ok';
    await until('the retry', () => store.unsaved().writes.length === 0);
    assert.equal((kv.get('note/b/1') as { text: string }).text, 'first and second');
    store.dispose();
  });

  it('a journal that cannot be written makes the write fail, and it lands once the journal can be written', async () => {
    const dir = new MemoryDir();
    const { store: journal } = await JournaledStore.open(new MemoryStore(), dir, { hostId: 'a', merge: mergeStored });
    const store = new StudyStore(journal);
    const append = dir.append.bind(dir);
    let blocked = true;
    dir.append = (name, text) => (blocked ? Promise.reject(new Error('ENOTDIR: not a directory')) : append(name, text));
    await assert.rejects(store.notes.edit('b', '1', edit('journaled', 1)), /notes journal could not be written \(ENOTDIR/);
    assert.equal(dir.lines().length, 0);
    blocked = false;
    await until('the retry', () => store.unsaved().writes.length === 0);
    assert.ok(
      dir.lines().some((l) => l.k === 'note/b/1' && (l.v as { text: string }).text === 'journaled'),
      'in the journal once it can be written',
    );
    store.dispose();
  });

  it('a journal folder that cannot be created opens with a warning, and every write fails until it can be', async () => {
    const dir = new MemoryDir();
    dir.failList = true;
    const append = dir.append.bind(dir);
    let blocked = true;
    dir.append = (name, text) => (blocked ? Promise.reject(new Error('EEXIST: a file stands where the folder goes')) : append(name, text));
    const opened = await JournaledStore.open(new MemoryStore(), dir, { hostId: 'a', merge: mergeStored });
    assert.match(opened.warning ?? '', /could not be listed/);
    const store = new StudyStore(opened.store);
    await assert.rejects(store.setDone('b', '1', true), /EEXIST/);
    blocked = false;
    await until('the retry', () => store.unsaved().writes.length === 0);
    assert.ok(dir.lines().some((l) => l.k === 'progress/b'));
    store.dispose();
  });

  it('a notes folder that is blocked fails the edit and names the file, and the note reaches its file once freed', async () => {
    const files = new Map<string, string>();
    let blocked = true;
    const fs: NoteFileSystem = {
      read: async (p) => (files.has(p) ? { text: files.get(p)!, mtime: 0 } : undefined),
      write: async (p, text) => {
        if (blocked) throw new Error('ENOTDIR: a file stands where the notes folder goes');
        files.set(p, text);
      },
      list: async () => [],
    };
    const store = new StudyStore(new MemoryStore());
    const mirror = new NoteMirror(fs, '/ws/.interview-notes', store, () => 'b');
    store.notes.mirror = (_bankId, id, text) => mirror.noteChanged(id, text);
    const failures: string[][] = [];
    mirror.onDidChangeFailures((f) => failures.push(f.map((x) => x.path)));
    await assert.rejects(store.notes.edit('b', '1.1', edit('in a file', 1)), /ENOTDIR/);
    assert.deepEqual(
      mirror.failures().map((f) => f.path),
      ['/ws/.interview-notes/b/1.1.md'],
    );
    blocked = false;
    await until('the file', () => files.get('/ws/.interview-notes/b/1.1.md') === 'in a file');
    assert.deepEqual(failures.at(-1), [], 'the warning goes once the file is written');
    assert.equal((await store.notes.edit('b', '1.1', edit('in a file', 1))).kind, 'kept', 'the page’s resend is told it is saved');
    mirror.dispose();
    store.dispose();
  });
});
