import assert from 'node:assert/strict';
import { JournaledStore, JOURNAL_KEEP_MS, COMPACT_AT_CHARS } from '../../../src/progress/journal';
import { mergeStored } from '../../../src/progress/merge';
import { MemoryDir, MemoryStore } from '../../fakes/memory';

const open = (memento: MemoryStore, dir: MemoryDir, hostId: string, now = () => 1000) =>
  JournaledStore.open(memento, dir, { hostId, now, merge: mergeStored });

describe('JournaledStore', () => {
  it('writes every update to workspace storage and to this window’s own file', async () => {
    const memory = new MemoryStore();
    const dir = new MemoryDir();
    const { store } = await open(memory, dir, 'a');
    await store.update('shown/b', { schema: 1, id: '1', updated: 1000 });
    await store.flush();
    assert.deepEqual(memory.get('shown/b'), { schema: 1, id: '1', updated: 1000 });
    assert.deepEqual([...dir.files.keys()], ['a-0.jsonl']);
    assert.deepEqual(dir.lines(), [{ k: 'shown/b', v: { schema: 1, id: '1', updated: 1000 }, at: 1000 }]);
  });

  it('restores writes that workspace storage lost', async () => {
    const dir = new MemoryDir();
    const first = await open(new MemoryStore(), dir, 'a');
    await first.store.update('shown/b', { schema: 1, id: 'new', updated: 1000 });
    await first.store.update('aside/5/x', undefined);
    await first.store.flush();
    // The browser reloaded before its storage flushed: the new session's storage has the old values.
    const lost = new MemoryStore();
    await lost.update('shown/b', { schema: 1, id: 'old', updated: 500 });
    await lost.update('aside/5/x', { updated: 400 });
    const second = await open(lost, dir, 'b', () => 2000);
    assert.deepEqual(second.recovered.sort(), ['aside/5/x', 'shown/b']);
    assert.deepEqual(lost.get('shown/b'), { schema: 1, id: 'new', updated: 1000 });
    assert.equal(lost.get('aside/5/x'), undefined);
  });

  it('lets newer workspace storage win over an older journal line', async () => {
    const dir = new MemoryDir();
    dir.files.set('a-0.jsonl', JSON.stringify({ k: 'shown/b', v: { schema: 1, id: 'older', updated: 1000 }, at: 1000 }) + '\n');
    const memory = new MemoryStore();
    await memory.update('shown/b', { schema: 1, id: 'newer', updated: 3000 });
    const { recovered } = await open(memory, dir, 'b', () => 4000);
    assert.deepEqual(recovered, []);
    assert.equal((memory.get('shown/b') as { id: string }).id, 'newer');
  });

  it('removes a window’s file once its newest line is older than the keep time, after merging it', async () => {
    const dir = new MemoryDir();
    const old = await open(new MemoryStore(), dir, 'gone', () => 1000);
    await old.store.update('shown/b', { schema: 1, id: 'kept', updated: 1000 });
    await old.store.flush();
    const memory = new MemoryStore();
    await open(memory, dir, 'next', () => 1000 + JOURNAL_KEEP_MS + 1);
    assert.equal((memory.get('shown/b') as { id: string }).id, 'kept');
    assert.equal(dir.files.has('gone-0.jsonl'), false);
  });

  it('compacts its own file into a new one, one line per key, and never touches another window’s', async () => {
    const dir = new MemoryDir();
    const a = await open(new MemoryStore(), dir, 'a');
    const b = await open(new MemoryStore(), dir, 'b');
    await b.store.update('shown/b', { schema: 1, id: 'from b', updated: 1000 });
    await b.store.flush();
    const big = 'x'.repeat(1024 * 1024);
    for (let i = 0; i < 9; i++) {
      await a.store.update('note/b/1', { schema: 1, text: big + i, updated: 1000, version: i + 1, writer: 'p', revision: i + 1 });
      await a.store.flush();
    }
    assert.ok(!dir.files.has('a-0.jsonl'), 'the old file went');
    assert.ok(dir.files.has('a-1.jsonl'));
    assert.ok(dir.files.get('a-1.jsonl')!.length < COMPACT_AT_CHARS);
    assert.equal(dir.files.get('b-0.jsonl')!.split('\n').filter(Boolean).length, 1, 'b’s file is untouched');
    const fresh = new MemoryStore();
    await open(fresh, dir, 'c');
    assert.equal((fresh.get('note/b/1') as { text: string }).text, big + 8);
  });

  it('compacts early in a folder that says so (one whose append rewrites the whole file)', async () => {
    const dir = Object.assign(new MemoryDir(), { compactAt: 4096 });
    const a = await open(new MemoryStore(), dir, 'a');
    let text = '';
    for (let i = 0; i < 400; i++) {
      text += 'x';
      await a.store.update('note/b/1', { schema: 1, text, updated: 1000 + i, version: i + 1, writer: 'p', revision: i + 1 });
      await a.store.flush();
      const own = [...dir.files.keys()].filter((n) => n.startsWith('a-'));
      assert.equal(own.length, 1, 'one file of its own at a time');
      assert.ok(dir.files.get(own[0])!.length <= 4096 + 600, `${own[0]}: ${dir.files.get(own[0])!.length} characters`);
    }
    assert.ok(!dir.files.has('a-0.jsonl'), 'compacted at least once');
    const fresh = new MemoryStore();
    await open(fresh, dir, 'c');
    assert.equal((fresh.get('note/b/1') as { text: string }).text, text, 'nothing lost by compacting');
  });

  it('sends what is written during an append together in the next one, one line per key, and fails them with it', async () => {
    // An append that waits until the test lets it go, as the browser's IndexedDB does under load.
    const dir = new MemoryDir();
    const appends: Array<{ text: string; land: () => void; fail: () => void }> = [];
    dir.append = (name, text) =>
      new Promise<void>((resolve, reject) => {
        appends.push({
          text,
          land: () => {
            dir.files.set(name, (dir.files.get(name) ?? '') + text);
            resolve();
          },
          fail: () => reject(new Error('QuotaExceededError')),
        });
      });
    const memory = new MemoryStore();
    const { store } = await open(memory, dir, 'a');
    const note = (text: string, version: number) => ({ schema: 1, text, updated: 1000, version, writer: 'p', revision: version });
    const first = store.update('note/b/1', note('R', 1));
    await new Promise((r) => setTimeout(r, 5));
    assert.equal(appends.length, 1, 'the first keystroke is being written');
    // Fifty keystrokes (and a tick) while it is: none starts an append of its own.
    const typed: Array<Promise<void>> = [];
    let text = 'R';
    for (let i = 2; i <= 51; i++) {
      text += 'x';
      typed.push(Promise.resolve(store.update('note/b/1', note(text, i))));
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 1));
    }
    typed.push(Promise.resolve(store.update('progress/b', { schema: 2, updated: 1000, marks: {} })));
    await new Promise((r) => setTimeout(r, 5));
    assert.equal(appends.length, 1, 'later lines wait for the append in flight instead of queueing one each');
    appends[0].land();
    await first;
    await new Promise((r) => setTimeout(r, 5));
    assert.equal(appends.length, 2);
    const lines = appends[1].text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { k: string; v: { text?: string } });
    assert.deepEqual(
      lines.map((l) => l.k),
      ['note/b/1', 'progress/b'],
      'one line per key',
    );
    assert.equal(lines[0].v.text, text, 'the newest note');
    // That append fails: every write it carried is told so (Storage retries them), none is "saved".
    appends[1].fail();
    const settled = await Promise.allSettled(typed);
    assert.deepEqual(new Set(settled.map((r) => r.status)), new Set(['rejected']));
    // The next write goes in an append of its own, and lands.
    const after = store.update('note/b/1', note(text + '!', 52));
    await new Promise((r) => setTimeout(r, 5));
    assert.equal(appends.length, 3);
    appends[2].land();
    await after;
    const fresh = new MemoryStore();
    await open(fresh, dir, 'c');
    assert.equal((fresh.get('note/b/1') as { text: string }).text, text + '!');
  });

  it('skips unreadable lines with a warning and uses the rest', async () => {
    const dir = new MemoryDir();
    dir.files.set(
      'a-0.jsonl',
      '{not json\n' + JSON.stringify({ k: 'shown/b', v: { schema: 1, id: 'ok', updated: 5 }, at: 5 }) + '\n[1,2]\n',
    );
    const memory = new MemoryStore();
    const opened = await open(memory, dir, 'b');
    assert.match(opened.warning ?? '', /2 lines of the notes journal could not be read/);
    assert.equal((memory.get('shown/b') as { id: string }).id, 'ok');
    const failing = new MemoryDir();
    failing.failList = true;
    assert.match((await open(new MemoryStore(), failing, 'c')).warning ?? '', /could not be listed/);
  });
});
