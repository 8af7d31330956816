import assert from 'node:assert/strict';
import {
  DEFAULT_RETENTION,
  desiredRetention,
  dueAfter,
  rateCard,
  replay,
  retrievability,
  setDesiredRetention,
  type LogEntry,
  type StoredCard,
} from '../../../src/review/fsrs';
import { mergeReview, readReview, withReview } from '../../../src/review/record';
import { reviewed } from '../helpers';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

describe('FSRS scheduling (ts-fsrs)', () => {
  it('runs a month of Good reviews, each interval longer than the last', () => {
    let card: StoredCard | undefined;
    let now = T0;
    const intervals: number[] = [];
    while (now < T0 + 30 * DAY) {
      const { card: next } = rateCard(card, 3, now);
      if (card?.state === 2) intervals.push(next.due - now);
      card = next;
      now = card.due;
    }
    assert.ok(intervals.length >= 2, `reviews in a month: ${intervals.length}`);
    for (let i = 1; i < intervals.length; i++) assert.ok(intervals[i] > intervals[i - 1], `interval ${i} grows`);
  });

  it('schedules for the desired retention: a higher one falls due sooner, with the same memory state', () => {
    const history = (retention: number) => {
      setDesiredRetention(retention);
      try {
        let card: StoredCard | undefined;
        const log: LogEntry[] = [];
        for (const at of [T0, T0 + DAY, T0 + 4 * DAY, T0 + 15 * DAY]) {
          const rated = rateCard(card, 3, at);
          card = rated.card;
          log.push(rated.entry);
        }
        return { card: card!, replayed: replay(log)!, buttons: dueAfter(card, T0 + 40 * DAY) };
      } finally {
        setDesiredRetention(DEFAULT_RETENTION);
      }
    };
    const low = history(0.8);
    const usual = history(DEFAULT_RETENTION);
    const high = history(0.95);
    assert.ok(low.card.due > usual.card.due && usual.card.due > high.card.due, 'the last Good falls due later at a lower retention');
    assert.ok(low.buttons[3] > usual.buttons[3] && usual.buttons[3] > high.buttons[3], 'and so do the buttons’ intervals');
    assert.equal(low.card.stability, high.card.stability, 'the retention sets the interval, not the memory state');
    assert.deepEqual(low.replayed, low.card, 'a history replays to the card it gave');
    assert.equal(desiredRetention(), DEFAULT_RETENTION);
  });

  it('holds every interval to a plan’s longest, Good and Easy too, and replays a history to the same card', () => {
    let card: StoredCard | undefined;
    let now = T0;
    const log: LogEntry[] = [];
    for (const rating of [3, 3, 4, 4, 3] as const) {
      const rated = rateCard(card, rating, now, 2);
      assert.ok(rated.card.due <= now + 2 * DAY, `rated ${rating}: due within two days`);
      assert.equal(rated.entry.m, 2);
      card = rated.card;
      log.push(rated.entry);
      now = card.due;
    }
    assert.deepEqual(replay(log), card);
    const stored = withReview(undefined, card!, log[0]);
    assert.deepEqual(readReview({ ...stored, log })?.review.log, log, 'the longest interval is kept in the history');
    assert.equal(readReview({ ...stored, log: [{ ...log[0], m: 0 }] }), undefined, 'and must be a whole number of days');
  });

  it('schedules Again sooner than Hard, Hard sooner than Good, Good sooner than Easy', () => {
    const { card } = rateCard(undefined, 3, T0);
    const review = rateCard(card, 3, card.due).card; // in review now
    const due = dueAfter(review, review.due);
    assert.ok(due[1] < due[2] && due[2] < due[3] && due[3] < due[4], JSON.stringify(due));
  });

  it('counts a lapse on Again and lowers the recall probability as days pass', () => {
    let { card } = rateCard(undefined, 4, T0);
    assert.equal(card.state, 2);
    const fresh = retrievability(card, card.due - 5 * DAY);
    const late = retrievability(card, card.due + 20 * DAY);
    assert.ok(fresh > late && late > 0, `${fresh} > ${late}`);
    card = rateCard(card, 1, card.due).card;
    assert.equal(card.lapses, 1);
    assert.equal(card.state, 3, 'relearning');
  });

  it('gives the same card when a history is replayed', () => {
    let card: StoredCard | undefined;
    const log: LogEntry[] = [];
    let now = T0;
    for (const r of [3, 1, 3, 4, 2] as const) {
      const rated = rateCard(card, r, now);
      card = rated.card;
      log.push(rated.entry);
      now = card.due + DAY;
    }
    assert.deepEqual(replay(log), card);
  });
});

const history = (ratings: Array<[1 | 2 | 3 | 4, number]>) => reviewed(...ratings);

describe('the chance of recall', () => {
  it('is ts-fsrs’s own get_retrievability, read without making Dates of the card', async () => {
    const { fsrs, generatorParameters } = await import('ts-fsrs');
    const reference = fsrs(generatorParameters({ enable_fuzz: false }));
    let card = rateCard(undefined, 3, T0).card;
    for (let i = 0; i < 40; i++) {
      const at = card.due + ((i * 7919) % 11) * 3_600_000 * 7;
      for (const later of [0, 0.4, 1, 3.7, 30, 400].map((d) => at + d * DAY)) {
        const expected = reference.get_retrievability(
          { ...card, due: new Date(card.due), last_review: new Date(card.last_review!) },
          new Date(later),
          false,
        );
        assert.equal(retrievability(card, later), expected);
      }
      card = rateCard(card, ((i % 4) + 1) as 1 | 2 | 3 | 4, at).card;
    }
  });
});

describe('stored review records', () => {
  it('reads a good record and refuses one of the wrong shape', () => {
    const good = history([[3, T0]]);
    assert.deepEqual(readReview(JSON.parse(JSON.stringify(good)))?.review, good);
    assert.equal(readReview({ schema: 1, card: good.card, log: 'x' }), undefined);
    assert.equal(readReview({ schema: 1, card: good.card, log: [{ r: 7, at: T0, s: 0 }] }), undefined);
    assert.equal(readReview({ schema: 99, card: good.card, log: [] }), undefined, 'a newer schema is not guessed at');
    assert.equal(readReview('garbage'), undefined);
  });

  it('rebuilds a broken card from its history', () => {
    const good = history([
      [3, T0],
      [3, T0 + DAY],
    ]);
    const read = readReview({ ...good, card: { due: 'tomorrow' } });
    assert.ok(read?.repaired);
    assert.deepEqual(read.review.card, good.card);
  });

  it('merges two windows’ histories: every rating kept, the card replayed from all of them', () => {
    const base = history([[3, T0]]);
    const a = history([
      [3, T0],
      [4, T0 + 3 * DAY],
    ]);
    const b = history([
      [3, T0],
      [1, T0 + 2 * DAY],
    ]);
    assert.deepEqual(mergeReview(base, a), { write: true, value: a }, 'a longer history wins as it is');
    assert.deepEqual(mergeReview(a, base), { write: false }, 'a shorter one changes nothing');
    const merged = mergeReview(a, b)!;
    assert.equal(merged.write, true);
    assert.deepEqual(
      merged.value!.log.map((e) => e.r),
      [3, 1, 4],
    );
    assert.deepEqual(merged.value!.card, replay(merged.value!.log));
    assert.deepEqual(mergeReview(b, a)!.value, merged.value, 'the same either way round');
    assert.equal(mergeReview(a, { nonsense: true }), undefined, 'an unreadable incoming record leaves the stored one');
  });
});
