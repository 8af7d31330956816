// Study sets: named sets of questions, stored per bank, merged across windows mark by mark (a
// deletion holds against an older copy), carried by backups, a stored value of the wrong shape
// set aside; and the tree's filter of a set.
import '../../fakes/vscode-hook';
import assert from 'node:assert/strict';
import { StudyStore } from '../../../src/progress/store';
import { Study } from '../../../src/progress/study';
import { parseBank } from '../../../src/bank/parse';
import {
  cleanSetName,
  mergeSets,
  readSets,
  refusedSetName,
  withMark,
  withoutSet,
  SET_NAME_MAX,
  MAX_SETS,
} from '../../../src/progress/set-record';
import { isFilter, setFilter } from '../../../src/tree/filter';
import { StudyTreeProvider } from '../../../src/tree/provider';
import { MemoryDir, MemoryStore } from '../../fakes/memory';
import { openWindow } from '../helpers';

const BANK = parseBank(['## 1. A', '', '1. one', '2. two', '', '## 2. B', '', '1. three'].join('\n'));

describe('study sets', () => {
  let clock: number;
  const now = () => clock;
  beforeEach(() => (clock = new Date(2026, 10, 2, 9, 0, 0).getTime()));

  it('puts questions in named sets and takes them out, kept across a reload', async () => {
    const memory = new MemoryStore();
    const study = new Study('bank', BANK, new StudyStore(memory, now));
    const sets = study.store.sets;
    const heard: unknown[] = [];
    sets.onDidChangeSets((e) => heard.push(e));
    const a = sets.mark('bank', 'ORM', ['1.1', '2.1'], true);
    assert.ok(a);
    await a.written;
    clock += 10;
    await (sets.mark('bank', 'Ask again', ['1.1'], true) as { written: Promise<void> }).written;
    clock += 10;
    await (sets.mark('bank', 'ORM', ['2.1'], false) as { written: Promise<void> }).written;
    assert.deepEqual([...sets.all('bank').keys()], ['Ask again', 'ORM'], 'sorted by name');
    assert.deepEqual([...sets.all('bank').get('ORM')!], ['1.1']);
    assert.deepEqual(sets.setsOf('bank', '1.1'), ['Ask again', 'ORM']);
    assert.equal(heard.length, 3);
    const reloaded = new Study('bank', BANK, new StudyStore(memory, now));
    assert.deepEqual([...reloaded.store.sets.all('bank').get('ORM')!], ['1.1']);
    await reloaded.store.sets.remove('bank', 'ORM');
    assert.deepEqual([...reloaded.store.sets.all('bank').keys()], ['Ask again']);
  });

  it('refuses an empty or too long name, and keeps no more sets than its limit', () => {
    assert.equal(refusedSetName('   '), 'empty');
    assert.equal(refusedSetName('x'.repeat(SET_NAME_MAX + 1)), 'long');
    assert.equal(refusedSetName('😀'.repeat(SET_NAME_MAX)), undefined, 'characters, not UTF-16 units');
    assert.equal(cleanSetName('  ORM\u0000 \t and\u202e  views '), 'ORM and views');
    const study = new Study('bank', BANK, new StudyStore(new MemoryStore(), now));
    for (let i = 0; i < MAX_SETS; i++) assert.ok(study.store.sets.mark('bank', `set ${i}`, ['1.1'], true));
    assert.equal(study.store.sets.mark('bank', 'one too many', ['1.1'], true), false);
    assert.ok(study.store.sets.mark('bank', 'set 3', ['1.2'], true), 'an existing set still takes questions');
  });

  it('merges two windows’ sets mark by mark; a deletion holds against the other’s older copy', async () => {
    const dir = new MemoryDir();
    const shared = new MemoryStore();
    const open = (hostId: string, memento: MemoryStore) => openWindow({ bank: BANK, hostId, memento, dir, now });
    const a = await open('a', shared.clone());
    const b = await open('b', shared.clone());
    await (a.store.sets.mark('bank', 'ORM', ['1.1'], true) as { written: Promise<void> }).written;
    await (a.store.sets.mark('bank', 'Old', ['1.2'], true) as { written: Promise<void> }).written;
    await a.journal.flush();
    b.store.changedElsewhere(await b.journal.readOthers());
    assert.deepEqual([...b.store.sets.all('bank').keys()], ['Old', 'ORM'], 'b heard of both sets');
    clock += 1000;
    await a.store.sets.remove('bank', 'Old');
    clock += 1000;
    await (b.store.sets.mark('bank', 'ORM', ['2.1'], true) as { written: Promise<void> }).written; // b still has "Old"
    await a.journal.flush();
    await b.journal.flush();
    a.store.changedElsewhere(await a.journal.readOthers());
    b.store.changedElsewhere(await b.journal.readOthers());
    for (const w of [a, b]) {
      assert.deepEqual([...w.store.sets.all('bank').keys()], ['ORM'], 'the deleted set stays deleted');
      assert.deepEqual([...w.store.sets.all('bank').get('ORM')!].sort(), ['1.1', '2.1'], 'both windows’ questions');
    }
  });

  it('merges the same either way round, and a set made again after a deletion starts empty', () => {
    const t = 1000;
    const base = withMark(withMark(readSets(undefined)!, 'S', '1.1', true, t), 'S', '1.2', true, t + 1);
    const out = withMark(base, 'S', '1.1', false, t + 5);
    const gone = withoutSet(base, 'S', t + 6);
    const ab = mergeSets(out, gone)!.value!;
    assert.deepEqual(mergeSets(gone, out)!.value, ab);
    assert.deepEqual(mergeSets(ab, out), { write: false });
    const again = withMark(ab, 'S', '2.1', true, t + 7);
    assert.deepEqual(
      Object.entries(again.sets.S.marks)
        .filter(([, m]) => m.in && m.at > (again.sets.S.deleted ?? -1))
        .map(([id]) => id),
      ['2.1'],
      'only what was put in since',
    );
  });

  it('sets a stored value of the wrong shape aside with a warning, and the bank has no sets', async () => {
    const memory = new MemoryStore();
    await memory.update('sets/bank', { schema: 1, sets: { ORM: { made: 'yesterday', marks: {} } } });
    const study = new Study('bank', BANK, new StudyStore(memory, now));
    assert.equal(study.store.sets.all('bank').size, 0);
    assert.match(study.warnings.map((w) => w.message).join(' '), /study sets had the wrong shape/);
    assert.ok(memory.keys().some((k) => k.startsWith('aside/') && k.endsWith('sets/bank')));
  });

  it('travels in a backup and merges back in', async () => {
    const here = new Study('bank', BANK, new StudyStore(new MemoryStore(), now));
    await (here.store.sets.mark('bank', 'ORM', ['1.1'], true) as { written: Promise<void> }).written;
    const backup = here.store.backup('bank', 'Bank', new Date(clock));
    assert.ok('sets/bank' in backup.entries);
    const there = new Study('other', BANK, new StudyStore(new MemoryStore(), now));
    clock += 1000;
    await (there.store.sets.mark('other', 'Views', ['1.2'], true) as { written: Promise<void> }).written;
    const restored = await there.store.restore(backup, 'other');
    assert.equal(restored.sets, true);
    assert.deepEqual([...there.store.sets.all('other').keys()], ['ORM', 'Views']);
    assert.equal((await there.store.restore(backup, 'other')).sets, false, 'restoring twice adds nothing');
  });

  it('filters the tree by a set, and follows a change to it', async () => {
    assert.equal(isFilter('set:ORM'), true);
    assert.equal(isFilter('set:'), false);
    assert.equal(isFilter('set:' + 'x'.repeat(SET_NAME_MAX + 1)), false);
    const study = new Study('bank', BANK, new StudyStore(new MemoryStore(), now));
    await (study.store.sets.mark('bank', 'ORM', ['2.1'], true) as { written: Promise<void> }).written;
    const tree = new StudyTreeProvider(study);
    tree.filter = setFilter('ORM');
    assert.equal(tree.matching(), 1);
    assert.deepEqual(
      tree.getChildren().map((n) => (n.kind === 'section' ? n.section.id : '')),
      ['2'],
      'only the section holding it',
    );
    let fired = 0;
    tree.onDidChangeTreeData(() => fired++);
    await (study.store.sets.mark('bank', 'ORM', ['1.1'], true) as { written: Promise<void> }).written;
    assert.equal(fired, 1);
    assert.equal(tree.matching(), 2);
  });
});
