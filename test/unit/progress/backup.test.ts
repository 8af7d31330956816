// Backups: made from one store, merged into another by the rules two windows follow. A newer
// note is never overwritten by an older one; when both changed, the losing text is kept as a
// conflict copy; a backup from a newer version is refused with a message.
import assert from 'node:assert/strict';
import { readBackup, mergeStores, BACKUP_FORMAT } from '../../../src/progress/backup';
import { StudyStore } from '../../../src/progress/store';
import { Study } from '../../../src/progress/study';
import { parseBank } from '../../../src/bank/parse';
import { MemoryStore } from '../../fakes/memory';

const BANK = parseBank(['## 1. A', '', '1. one', '2. two', '3. three'].join('\n'));
let clock = 1000;
const now = () => ++clock;

function machine(bankId = 'bank') {
  const store = new StudyStore(new MemoryStore(), now);
  const study = new Study(bankId, BANK, store);
  return { store, study };
}

const roundTrip = (s: StudyStore, bankId: string) => {
  const read = readBackup(JSON.stringify(s.backup(bankId, 'A bank', new Date(0))));
  assert.ok(read.ok);
  return read.backup;
};

describe('backups', () => {
  it('restores into another machine: ticks question by question, notes newer wins, the other text kept as a conflict copy', async () => {
    const here = machine();
    const there = machine('elsewhere'); // another machine: another bank id for the same file
    await here.study.setDone('1.1', true);
    await there.study.setDone('1.2', true);
    await here.store.setNote('bank', '1.1', 'mine: signals run in the same thread');
    await there.store.setNote('elsewhere', '1.1', 'theirs: use transaction.on_commit');
    await there.store.setNote('elsewhere', '1.3', 'only there');
    const result = await here.store.restore(roundTrip(there.store, 'elsewhere'), 'bank');
    assert.deepEqual([...here.store.doneIds('bank')].sort(), ['1.1', '1.2'], 'both ticks');
    assert.equal(here.study.getNote('1.3'), 'only there');
    const texts = [here.study.getNote('1.1'), ...here.study.conflicts().map((c) => c.text)].sort();
    assert.deepEqual(
      texts,
      ['mine: signals run in the same thread', 'theirs: use transaction.on_commit'],
      'one is the note, the other a conflict copy: nothing dropped',
    );
    assert.equal(result.conflicts, 1);
    // Restoring the same backup again changes nothing and makes no second copy.
    const again = await here.store.restore(roundTrip(there.store, 'elsewhere'), 'bank');
    assert.deepEqual([again.notes, again.conflicts], [0, 0]);
    assert.equal(here.study.conflicts().length, 1);
  });

  it('never lets an older backup overwrite a newer note of the same typing', async () => {
    const here = machine();
    await here.store.setNote('bank', '1.2', 'draft');
    const old = roundTrip(here.store, 'bank');
    await here.store.setNote('bank', '1.2', 'draft, finished since the backup');
    const result = await here.store.restore(old, 'bank');
    assert.equal(here.study.getNote('1.2'), 'draft, finished since the backup');
    assert.deepEqual([result.notes, result.conflicts], [0, 0], 'an earlier state of the same note is no conflict');
  });

  it('refuses what is not a backup, or a backup from a newer version, with a message', () => {
    assert.match((readBackup('not json') as { message: string }).message, /not JSON/);
    assert.match((readBackup('{"a":1}') as { message: string }).message, /not a backup/);
    assert.match(
      (readBackup(JSON.stringify({ format: BACKUP_FORMAT, schema: 2, bankId: 'b', entries: {} })) as { message: string }).message,
      /newer version/,
    );
    const newerEntry = { format: BACKUP_FORMAT, schema: 1, bankId: 'b', entries: { 'note/b/1.1': { schema: 99, text: 'x' } } };
    assert.match((readBackup(JSON.stringify(newerEntry)) as { message: string }).message, /newer version.*note\/b\/1\.1/);
  });

  it('copies a whole location into another, merged, leaving what is there and newer alone', async () => {
    const from = new MemoryStore();
    const to = new MemoryStore();
    const a = new StudyStore(from, now);
    const b = new StudyStore(to, now);
    new Study('bank', BANK, a);
    new Study('bank', BANK, b);
    await a.setNote('bank', '1.1', 'workspace note');
    await a.setDone('bank', '1.3', true);
    await b.setNote('bank', '1.2', 'global note');
    await from.update('unrelated/key', 1);
    const writes = mergeStores(from, to, now());
    assert.deepEqual(writes.map(([k]) => k).sort(), ['note/bank/1.1', 'progress/bank']);
    for (const [k, v] of writes) await to.update(k, v);
    const after = new StudyStore(to, now);
    new Study('bank', BANK, after);
    assert.deepEqual(
      [after.getNote('bank', '1.1'), after.getNote('bank', '1.2'), after.isDone('bank', '1.3')],
      ['workspace note', 'global note', true],
    );
  });
});
