// Rating questions through the study: stored per bank with a schema, kept across a reload, a bad
// record set aside with a warning, two windows' ratings merged, backups carrying them.
import assert from 'node:assert/strict';
import { StudyStore } from '../../../src/progress/store';
import { Study } from '../../../src/progress/study';
import { parseBank } from '../../../src/bank/parse';
import { MemoryDir, MemoryStore } from '../../fakes/memory';
import { openWindow } from '../helpers';

const BANK = parseBank(['## 1. A', '', '1. one **done**', '2. two', '3. three', '4. four'].join('\n'));
const DAY = 86_400_000;

describe('reviews in the study', () => {
  let clock: number;
  const now = () => clock;
  beforeEach(() => (clock = new Date(2026, 10, 2, 9, 0, 0).getTime()));

  it('rates a question, moves its due date, keeps the tick and survives a reload', async () => {
    const memory = new MemoryStore();
    const study = new Study('bank', BANK, new StudyStore(memory, now));
    const changed: unknown[] = [];
    study.onDidChangeReview((e) => changed.push(e));
    assert.equal(study.review('1.1'), undefined);
    const first = await study.rate('1.1', 1);
    assert.equal(study.isDone('1.1'), true, 'Again never unticks');
    assert.ok(first.card.due > clock && first.card.due <= clock + 5 * 60_000, 'Again: due again within minutes');
    clock = first.card.due;
    assert.deepEqual(study.dueIds(), ['1.1']);
    const second = await study.rate('1.1', 4);
    assert.ok(second.card.due >= clock + DAY && second.card.state === 2, 'Easy: learned, a day or more away');
    assert.deepEqual(study.dueIds(), []);
    assert.deepEqual(changed, [{ ids: ['1.1'] }, { ids: ['1.1'] }]);
    const stored = memory.get('review/bank/1.1') as { schema: number; log: unknown[] };
    assert.equal(stored.schema, 1);
    assert.equal(stored.log.length, 2);
    const reloaded = new Study('bank', BANK, new StudyStore(memory, now));
    assert.deepEqual(reloaded.review('1.1'), second);
    assert.equal(reloaded.nextDue(), second.card.due);
  });

  it('runs a month of daily review sessions in milliseconds', async () => {
    const study = new Study('bank', BANK, new StudyStore(new MemoryStore(), now));
    const start = clock;
    let reviews = 0;
    for (let day = 0; day < 30; day++) {
      clock = start + day * DAY;
      for (const id of [...study.dueIds(), ...study.newIds(2)]) {
        await study.rate(id, id === '1.4' ? 1 : 3);
        reviews++;
      }
    }
    assert.equal(study.newIds(10).length, 0, 'every question was seen');
    assert.ok(reviews > 8, `${reviews} reviews`);
    const stats = study.statistics();
    assert.equal(
      stats.reviewsPerDay.reduce((n, d) => n + d.count, 0),
      reviews,
    );
    assert.ok(study.review('1.4')!.log.length > study.review('1.1')!.log.length, 'the question rated Again comes back more often');
  });

  it('sets a bad record aside with a warning and counts the question as never reviewed', () => {
    const memory = new MemoryStore();
    void memory.update('review/bank/1.2', { schema: 1, card: {}, log: 'lost' });
    const study = new Study('bank', BANK, new StudyStore(memory, now));
    assert.equal(study.review('1.2'), undefined);
    assert.equal(study.warnings.length, 1);
    assert.match(study.warnings[0].message, /review history of question "1.2" had the wrong shape; it was set aside/);
    const aside = memory.keys().find((k) => k.startsWith('aside/'));
    assert.deepEqual(memory.get(aside!), { schema: 1, card: {}, log: 'lost' });
    assert.equal(memory.get('review/bank/1.2'), undefined);
    assert.deepEqual(study.newIds(10), ['1.1', '1.2', '1.3', '1.4']);
  });

  it('keeps both windows’ ratings of one question, and each window hears of the other’s', async () => {
    const dir = new MemoryDir();
    const shared = new MemoryStore();
    const open = (hostId: string, memento: MemoryStore) => openWindow({ bank: BANK, hostId, memento, dir, now });
    const a = await open('a', shared.clone());
    const b = await open('b', shared.clone());
    await a.study.rate('1.2', 3);
    clock += 1000;
    await b.study.rate('1.2', 1);
    await a.journal.flush();
    await b.journal.flush();
    const heard: unknown[] = [];
    a.study.onDidChangeReview((e) => heard.push(e));
    a.store.changedElsewhere(await a.journal.readOthers());
    b.store.changedElsewhere(await b.journal.readOthers());
    assert.deepEqual(heard, [{ ids: ['1.2'] }]);
    for (const w of [a, b])
      assert.deepEqual(
        w.study.review('1.2')!.log.map((e) => e.r),
        [3, 1],
      );
    // A reload in a third window reads the journal: both ratings are there too.
    const c = await open('c', b.memento.clone());
    assert.deepEqual(
      c.study.review('1.2')!.log.map((e) => e.r),
      [3, 1],
    );
  });

  it('carries review histories in a backup and merges them back in', async () => {
    const here = new Study('bank', BANK, new StudyStore(new MemoryStore(), now));
    await here.rate('1.3', 3);
    const backup = here.store.backup('bank', 'Bank', new Date(clock));
    assert.ok('review/bank/1.3' in backup.entries);
    clock += DAY;
    const there = new Study('other', BANK, new StudyStore(new MemoryStore(), now));
    await there.rate('1.3', 1);
    const restored = await there.store.restore(backup, 'other');
    assert.equal(restored.reviews, 1);
    assert.deepEqual(
      there.review('1.3')!.log.map((e) => e.r),
      [3, 1],
    );
    assert.equal((await there.store.restore(backup, 'other')).reviews, 0, 'restoring twice adds nothing');
  });
});
