// The report pages, the mock interview page and their charts: strict CSP, no inline script, every
// word from a bank or a learner escaped, a text alternative for every picture.
import assert from 'node:assert/strict';
import { reportHtml } from '../../../src/page/report-html';
import { mockHtml, mockSummary } from '../../../src/page/mock-html';
import { reviewSummary, statisticsBody } from '../../../src/page/report-bodies';
import { statistics } from '../../../src/review/stats';
import { rateCard } from '../../../src/review/fsrs';
import { withReview } from '../../../src/review/record';
import { newMock, mockChanges } from '../../../src/review/mock';
import { parseMockMessage, parsePageMessage, parseReportMessage } from '../../../src/shared/protocol';

const HOSTILE = '<img src=x onerror=alert(1)><script>alert(2)</script>"\'`';
const URIS = {
  cspSource: 'https://webview.test',
  scriptUri: 'https://webview.test/media/x.js',
  styleUri: 'https://webview.test/media/x.css',
  codiconUri: 'https://webview.test/media/c.css',
  lang: 'en',
};
const REPORT = { ...URIS, styleUris: [URIS.styleUri] };
const NOW = new Date(2026, 10, 25, 12, 0).getTime();
const DAY = 86_400_000;

function checkShell(html: string): void {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1];
  assert.match(csp, /^default-src 'none'; /);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*|https?:\/\/(?!webview\.test)/);
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  const scripts = html.match(/<script[^>]*>[\s\S]*?<\/script>/g) ?? [];
  assert.equal(scripts.length, 1, 'one script');
  assert.equal(scripts[0], `<script nonce="${nonce}" src="https://webview.test/media/x.js"></script>`, 'from a file, with the nonce');
  assert.doesNotMatch(html, /<img|<[^>]*onerror=|<script>alert/);
}

describe('the report and mock interview pages', () => {
  it('escape a hostile question text and answer in the review and mock summaries', () => {
    const body = reviewSummary({
      ratings: [{ id: '1.1', rating: 3, due: NOW + DAY }],
      fresh: false,
      textOf: () => HOSTILE,
      nextDue: NOW + DAY,
      dueNow: 0,
      now: NOW,
      lang: 'en',
    });
    checkShell(reportHtml({ ...REPORT, title: HOSTILE, body }));
    assert.match(body, /You rated 1 question\./);
    assert.match(body, /The next review falls due tomorrow\./);
    let run = newMock({ runId: 'r', bankId: 'b', ids: ['1.1', '"><x'], limitMs: 60_000, now: NOW });
    run = mockChanges.shown(run, 0, NOW);
    run = mockChanges.answered(run, 0, HOSTILE, NOW + 5000);
    run = mockChanges.rated(run, 0, 2, NOW + 70_000);
    const summary = mockSummary(run, { textOf: () => HOSTILE, now: NOW + 80_000 });
    checkShell(reportHtml({ ...REPORT, title: 'Mock', body: summary }));
    assert.match(summary, /1 of 2 questions answered in 1:10\./);
    assert.match(summary, /class="over">1:10 of 1:00/, 'over time is marked');
    assert.ok(summary.includes('data-question="&quot;&gt;&lt;x"'), 'an id is escaped in its attribute');
    assert.ok(summary.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the answer is shown as text');
  });

  it('give the mock interview page the same strict shell', () => {
    checkShell(mockHtml(URIS));
  });

  it('draw the statistics as four images, each with a title and a description, and escape the bank title', () => {
    const reviews = new Map([
      ['a', withReview(undefined, rateCard(undefined, 3, NOW - 3 * DAY).card, rateCard(undefined, 3, NOW - 3 * DAY).entry)],
    ]);
    const body = statisticsBody(statistics({ ids: ['a', 'b'], marks: { a: { done: true, at: NOW - DAY } }, reviews, now: NOW }), {
      lang: 'en',
      bankTitle: HOSTILE,
    });
    checkShell(reportHtml({ ...REPORT, title: 'Statistics', body }));
    const svgs = body.match(/<svg [^>]*>/g) ?? [];
    assert.equal(svgs.length, 4);
    for (const svg of svgs) {
      const [title, desc] = /aria-labelledby="([^"]+)"/.exec(svg)![1].split(' ');
      assert.match(body, new RegExp(`<title id="${title}">[^<]+</title><desc id="${desc}">[^<]+</desc>`));
      assert.match(svg, /role="img"/);
    }
    assert.match(body, /1 reviews on 1 days|1 review/);
    assert.match(body, /From 0 to 1 questions done of 2\./);
  });

  it('refuse malformed ratings and mock messages', () => {
    assert.deepEqual(parsePageMessage({ type: 'rate', id: '1.1', rating: 4 }), {
      ok: true,
      message: { type: 'rate', id: '1.1', rating: 4 },
    });
    for (const bad of [
      { type: 'rate', id: '1.1', rating: 0 },
      { type: 'rate', id: '1.1', rating: 2.5 },
      { type: 'rate', id: 7, rating: 1 },
    ])
      assert.equal(parsePageMessage(bad).ok, false);
    assert.deepEqual(parseMockMessage({ type: 'answer', runId: 'r', index: 1, text: 'x', base: 0, restored: false }), {
      ok: true,
      message: { type: 'answer', runId: 'r', index: 1, text: 'x', base: 0, restored: false },
    });
    for (const bad of [
      { type: 'answer', runId: 'r', index: 1, text: 'x' },
      { type: 'answer', runId: 'r', index: -1, text: 'x', base: 0, restored: false },
      { type: 'answer', runId: '', index: 0, text: 'x' },
      { type: 'answer', runId: 'r', index: 0 },
      { type: 'rate', runId: 'r', index: 0, rating: 5 },
      { type: 'eval', runId: 'r', index: 0 },
      null,
      [],
    ]) {
      assert.equal(parseMockMessage(bad).ok, false, JSON.stringify(bad));
    }
    assert.equal(parseReportMessage({ type: 'openQuestion', id: '1.1' }).ok, true);
    assert.equal(parseReportMessage({ type: 'ready' }).ok, true, 'the page says it loaded');
    for (const bad of [
      { type: 'openQuestion', id: '' },
      { type: 'openQuestion', id: 'x'.repeat(201) },
      { type: 'openLink', href: 'x' },
    ])
      assert.equal(parseReportMessage(bad).ok, false);
  });
});
