// Export to Anki, read back by an independent CSV parser (csv-parse, following RFC 4180 as Anki's
// text import does) and by the extension's own card reader: the same questions, answers, notes and
// guids; and the review log in FSRS's columns.
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { parseBank } from '../../../src/bank/parse';
import { listQuestions } from '../../../src/bank/model';
import { ankiGuid, ankiText, reviewLogCsv, ANKI_HEADER, REVIEW_LOG_COLUMNS } from '../../../src/export/anki';
import { noteHtml, renderBlocks, renderInline } from '../../../src/page/render';
import { parseTable } from '../../../src/bank/cards';
import { rateCard } from '../../../src/review/fsrs';
import { withReview } from '../../../src/review/record';

const BANK = parseBank(
  [
    '# My "bank"',
    '',
    '## ORM',
    '',
    '**What is a `QuerySet`? <script>alert(1)</script>**',
    '',
    'A lazy\tquery, "chainable".',
    '',
    '**What is N+1?**',
    '',
    'One query, then one per row.',
    '',
    '## Views',
    '',
    '**What is a view?**',
    '',
    'A callable.',
  ].join('\n'),
);
const IDS = listQuestions(BANK).map((e) => e.question.id);
const NOTES: Record<string, string> = {
  [IDS[0]]: 'My note:\n\n- has "quotes"\n- and\ta tab\n\n```py\nqs = Book.objects.all()\n```',
  [IDS[2]]: '<img src=x onerror=alert(1)>',
};

function exported() {
  return ankiText({
    bank: BANK,
    bankId: 'my-bank',
    note: (id) => NOTES[id] ?? '',
    isDone: (id) => id === IDS[1],
    front: (q) => `<p>${renderInline(q.rich)}</p>${renderBlocks(q.richDetails)}`,
    back: (q) => renderBlocks(q.richAnswer),
    noteHtml: (t) => noteHtml(t, undefined),
  });
}

describe('Export to Anki', () => {
  it('writes the header lines Anki reads, then one note per question, quoted by the spec', () => {
    const { text, notes } = exported();
    assert.equal(notes, 3);
    const lines = text.split('\n');
    assert.deepEqual(lines.slice(0, ANKI_HEADER.length), ANKI_HEADER);
    const rows: string[][] = parse(text, { delimiter: '\t', comment: '#', relax_column_count: false, relax_quotes: false });
    assert.equal(rows.length, 3);
    for (const row of rows) assert.equal(row.length, 5);
    const [q1, q2, q3] = rows;
    assert.match(q1[0], /^<p>What is a <code>QuerySet<\/code>\? &lt;script&gt;alert\(1\)&lt;\/script&gt;<\/p>/, 'escaped, no script');
    assert.match(q1[1], /A lazy\tquery, &quot;chainable&quot;\./, 'the answer with its tab and quotes, escaped');
    assert.match(q1[1], /<hr><pre class="plain">My note:/, 'the note after the answer');
    assert.match(q1[1], /has &quot;quotes&quot;/);
    assert.equal(q1[2], 'My "bank"::ORM');
    assert.equal(q1[3], 'django-prep orm');
    assert.equal(q2[3], 'django-prep orm done');
    assert.equal(q3[2], 'My "bank"::Views');
    assert.doesNotMatch(q3[1], /<img/, 'a hostile note is text');
    assert.deepEqual(
      rows.map((r) => r[4]),
      IDS.map((id) => ankiGuid('my-bank', id)),
    );
  });

  it('keeps the guids from one export to the next, and per bank', () => {
    assert.equal(exported().text, exported().text);
    assert.notEqual(ankiGuid('my-bank', '1.1'), ankiGuid('other', '1.1'));
    assert.notEqual(ankiGuid('my-bank', '1.1'), ankiGuid('my-bank', '1.2'));
    assert.match(ankiGuid('my-bank', '1.1'), /^dip[0-9a-z]+$/);
  });

  it('reads back as a bank of cards: the same questions, answers and notes, the guids as ids', () => {
    const bank = parseTable(exported().text, { format: 'tsv', fallbackTitle: 'back' });
    const back = listQuestions(bank);
    assert.deepEqual(
      back.map((e) => e.question.id),
      IDS.map((id) => ankiGuid('my-bank', id)),
    );
    assert.deepEqual(
      back.map((e) => e.path.map((s) => s.title)),
      [
        ['My "bank"', 'ORM'],
        ['My "bank"', 'ORM'],
        ['My "bank"', 'Views'],
      ],
    );
    assert.equal(back[0].question.text, 'What is a QuerySet? <script>alert(1)</script>');
    assert.match(back[0].question.answer, /A lazy query, "chainable"\./);
    assert.match(back[0].question.answer, /has "quotes"/, 'the note too');
    assert.equal(back[2].question.answer, 'A callable.\n<img src=x onerror=alert(1)>', 'the note as its text');
  });
});

describe('Export Review Log', () => {
  it('writes FSRS’s columns, times in milliseconds, oldest first, a card id per question', () => {
    const t0 = Date.UTC(2026, 10, 2, 9);
    const a1 = rateCard(undefined, 3, t0);
    const a2 = rateCard(a1.card, 1, t0 + 86_400_000);
    const b1 = rateCard(undefined, 4, t0 + 1000);
    const reviews = new Map([
      ['1.1', withReview(withReview(undefined, a1.card, a1.entry), a2.card, a2.entry)],
      ['1.2', withReview(undefined, b1.card, b1.entry)],
    ]);
    const { csv, reviews: n } = reviewLogCsv('my-bank', reviews);
    assert.equal(n, 3);
    const rows: Record<string, string>[] = parse(csv, { columns: true });
    assert.deepEqual(Object.keys(rows[0]), REVIEW_LOG_COLUMNS);
    assert.deepEqual(
      rows.map((r) => [Number(r.review_time) - t0, r.review_rating, r.review_state]),
      [
        [0, '3', '0'],
        [1000, '4', '0'],
        [86_400_000, '1', String(a1.card.state)],
      ],
    );
    assert.equal(rows[0].card_id, rows[2].card_id, 'one card id per question');
    assert.ok(Number.isSafeInteger(Number(rows[0].card_id)));
  });
});
