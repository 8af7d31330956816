import assert from 'node:assert/strict';
import { JournaledStore, JOURNAL_KEEP_MS } from '../../src/progress/journal';
import { MemoryFile, MemoryStore } from './fakes';

describe('JournaledStore', () => {
  it('writes every update to workspace storage and to the journal', async () => {
    const memory = new MemoryStore();
    const file = new MemoryFile();
    const { store } = await JournaledStore.open(memory, file, () => 1000);
    await store.update('note/b/1', { schema: 1, text: 'hi', updated: 1000 });
    await store.flush();
    assert.deepEqual(memory.get('note/b/1'), { schema: 1, text: 'hi', updated: 1000 });
    assert.deepEqual(JSON.parse(file.text!), { schema: 1, entries: { 'note/b/1': { at: 1000, value: { schema: 1, text: 'hi', updated: 1000 } } } });
  });

  it('restores writes that workspace storage lost', async () => {
    const file = new MemoryFile();
    const first = await JournaledStore.open(new MemoryStore(), file, () => 1000);
    await first.store.update('progress/b', { schema: 1, done: { x: true }, updated: 1000 });
    await first.store.update('note/b/gone', undefined);
    await first.store.flush();
    // The browser reloaded before its storage flushed: the new session's storage has the old values.
    const lost = new MemoryStore();
    await lost.update('progress/b', { schema: 1, done: {}, updated: 500 });
    await lost.update('note/b/gone', { schema: 1, text: 'old', updated: 400 });
    const second = await JournaledStore.open(lost, file, () => 2000);
    assert.deepEqual(second.recovered.sort(), ['note/b/gone', 'progress/b']);
    assert.deepEqual(lost.get('progress/b'), { schema: 1, done: { x: true }, updated: 1000 });
    assert.equal(lost.get('note/b/gone'), undefined);
  });

  it('lets newer workspace storage win over an older journal entry', async () => {
    const file = new MemoryFile();
    file.text = JSON.stringify({ schema: 1, entries: { 'note/b/1': { at: 1000, value: { schema: 1, text: 'older', updated: 1000 } } } });
    const memory = new MemoryStore();
    await memory.update('note/b/1', { schema: 1, text: 'newer', updated: 3000 });
    const { recovered } = await JournaledStore.open(memory, file, () => 4000);
    assert.deepEqual(recovered, []);
    assert.equal((memory.get('note/b/1') as { text: string }).text, 'newer');
  });

  it('drops entries older than the keep time when it writes', async () => {
    let now = 1000;
    const file = new MemoryFile();
    const { store } = await JournaledStore.open(new MemoryStore(), file, () => now);
    await store.update('a', 1);
    await store.flush();
    now += JOURNAL_KEEP_MS + 1;
    await store.update('b', 2);
    await store.flush();
    assert.deepEqual(Object.keys(JSON.parse(file.text!).entries), ['b']);
  });

  it('starts afresh with a warning when the journal is unreadable or of another shape', async () => {
    for (const text of ['{not json', '[1,2]', '{"schema":2,"entries":{}}']) {
      const file = new MemoryFile();
      file.text = text;
      const opened = await JournaledStore.open(new MemoryStore(), file).catch((e: Error) => e);
      if (opened instanceof Error) {
        assert.fail(`open threw on ${text}: ${opened.message}`);
      }
      assert.match(opened.warning ?? '', /started afresh/, text);
    }
    const failing = new MemoryFile();
    failing.failRead = true;
    assert.match((await JournaledStore.open(new MemoryStore(), failing)).warning ?? '', /could not be read/);
  });
});
