// Spaced review, mock interviews and statistics inside the real extension host.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, until, postedTo, EXTENSION_ID } from './helpers';
import { COMMANDS } from '../../src/shared/ids';
import { rateCard } from '../../src/review/fsrs';
import { withReview, type StoredReview } from '../../src/review/record';
import { readMock } from '../../src/review/mock';
import { keys as storageKeys } from '../../src/shared/keys';
import type { ExtensionApi } from '../../src/extension';
import type { FeedbackView } from '../../src/shared/protocol';

const DAY = 86_400_000;

/** A review history made elsewhere (another window, a backup): rated Good long ago, so due now. */
async function dueElsewhere(a: ExtensionApi, ids: string[]): Promise<void> {
  const keys: string[] = [];
  for (const id of ids) {
    const at = Date.now() - 40 * DAY;
    const { card, entry } = rateCard(undefined, 4, at);
    const review: StoredReview = withReview(undefined, card, entry);
    keys.push(storageKeys.review(a.study.bankId, id));
    await a.storage.update(keys.at(-1)!, review);
  }
  a.study.store.changedElsewhere(keys);
}

async function forget(a: ExtensionApi): Promise<void> {
  const keys = a.storage.keys().filter((k) => k.startsWith('review/') || k.startsWith('mock/') || k.startsWith('sets/'));
  for (const k of keys) await a.storage.update(k, undefined);
  a.study.store.changedElsewhere(keys);
}

describe('review, mock interviews and statistics', () => {
  before(async () => forget(await api()));
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await forget(await api());
    await vscode.workspace.getConfiguration('djangoPrep').update('newPerDay', undefined, vscode.ConfigurationTarget.Global);
  });

  it('schedules for the desired retention the learner sets, and tells the pages to show the new intervals', async () => {
    const a = await api();
    const [low, high] = a.study.entries.slice(0, 2).map((e) => e.question.id);
    await dueElsewhere(a, [low, high]);
    const config = () => vscode.workspace.getConfiguration('djangoPrep');
    let told = 0;
    const listening = a.study.onDidChangeReview(({ ids }) => ids.length > 1 && ids.includes(low) && told++);
    try {
      const goodAt = async (id: string, retention: number) => {
        const before = told;
        await config().update('desiredRetention', retention, vscode.ConfigurationTarget.Global);
        await until('the pages told', () => told > before, 5000);
        const now = Date.now();
        return (await a.study.rate(id, 3)).card.due - now;
      };
      const lowInterval = await goodAt(low, 0.8);
      const highInterval = await goodAt(high, 0.95);
      assert.ok(lowInterval > 1.5 * highInterval, `Good at 0.8: ${lowInterval} ms, at 0.95: ${highInterval} ms`);
    } finally {
      listening.dispose();
      await config().update('desiredRetention', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('rates a question from its page: the due date moves, the tick stays, and bad ratings are refused', async () => {
    const a = await api();
    const page = a.pages.open('3.2')!;
    const done = a.study.isDone('3.2');
    for (const bad of [
      { type: 'rate', id: '3.2', rating: 5 },
      { type: 'rate', id: '3.2', rating: '3' },
      { type: 'rate', id: 'nope', rating: 3 },
      { type: 'rate', id: '3.2' },
    ])
      page.handleMessage(bad);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(a.study.review('3.2'), undefined, 'nothing stored from bad ratings');
    page.handleMessage({ type: 'rate', id: '3.2', rating: 1 });
    await until('the rating is stored', () => a.study.review('3.2') !== undefined);
    const again = a.study.review('3.2')!.card.due;
    assert.ok(again - Date.now() < 15 * 60_000, 'Again: back within minutes');
    page.handleMessage({ type: 'rate', id: '3.2', rating: 4 });
    await until('the second rating', () => a.study.review('3.2')!.log.length === 2);
    assert.ok(a.study.review('3.2')!.card.due > again + 12 * 60 * 60_000, 'Easy moves it a day or more on');
    assert.equal(a.study.isDone('3.2'), done, 'a rating never ticks or unticks');
    const stored = a.storage.get(storageKeys.review('django', '3.2')) as { schema: number; log: unknown[] };
    assert.equal(stored.schema, 1);
    assert.equal(stored.log.length, 2);
  });

  it('Check My Answer with no chat model says why on the page and changes nothing else; turned off, it asks nothing', async () => {
    const a = await api();
    // A family no provider has: VS Code for the Web here has a fake model (test/web/check-answer.ts).
    const config = vscode.workspace.getConfiguration('djangoPrep');
    await config.update('ai.model', 'no-such-family', vscode.ConfigurationTarget.Global);
    try {
      const page = a.pages.open('3.2')!;
      const [note, done] = [a.study.getNote('3.2'), a.study.isDone('3.2')];
      const posted = postedTo<{ type: 'feedback'; feedback: FeedbackView }>(page.panel, 'feedback');
      const told = () => posted.map((m) => m.feedback);
      await vscode.commands.executeCommand(COMMANDS.checkAnswer);
      assert.deepEqual(
        told().map((f) => f.state),
        ['streaming', 'unavailable'],
      );
      assert.match(told()[1].status, /cannot run: (this VS Code has no chat models|no chat model of the family "no-such-family")/);
      assert.deepEqual(a.study.store.feedback.entries(a.study.bankId, '3.2'), []);
      assert.deepEqual([a.study.getNote('3.2'), a.study.isDone('3.2')], [note, done]);
      await config.update('ai.enabled', false, vscode.ConfigurationTarget.Global);
      posted.length = 0;
      page.handleMessage({ type: 'checkAnswer', id: '3.2' });
      await until('the page told', () => posted.length > 0);
      assert.deepEqual(
        told().map((f) => [f.state, f.status]),
        [['unavailable', 'Check My Answer is turned off (djangoPrep.ai.enabled).']],
      );
    } finally {
      await config.update('ai.enabled', undefined, vscode.ConfigurationTarget.Global);
      await config.update('ai.model', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('walks the due questions in a review, shows them in the Due filter, and sums up', async () => {
    const a = await api();
    const [q1, q2] = [a.study.idsUnder(a.study.bank.sections[1])[2], a.study.idsUnder(a.study.bank.sections[3])[0]];
    await dueElsewhere(a, [q1, q2]);
    assert.equal(a.tree.dueCount, 2);
    await vscode.commands.executeCommand(COMMANDS.filter, 'due');
    const shown = a.tree
      .getChildren()
      .flatMap((s) => a.tree.getChildren(s).flatMap((n) => (n.kind === 'question' ? [n] : a.tree.getChildren(n))));
    assert.deepEqual(shown.map((n) => (n.kind === 'question' ? n.entry.question.id : '')).sort(), [q1, q2].sort());
    await vscode.commands.executeCommand(COMMANDS.filter, 'all');

    const review = vscode.commands.executeCommand(COMMANDS.startReview);
    await until('the first due question in review', () => [q1, q2].includes(a.pages.active()?.review?.current ?? ''));
    const page = a.pages.active()!;
    const first = page.questionId;
    page.handleMessage({ type: 'rate', id: first, rating: 3 });
    await until('the second question', () => page.questionId !== first);
    page.handleMessage({ type: 'rate', id: page.questionId, rating: 4 });
    await review;
    await until('the summary', () => a.reports.panel('review') !== undefined);
    assert.match(a.reports.panel('review')!.webview.html, /You rated 2 questions\./);
    assert.equal(page.review, undefined, 'the page is out of review mode');
    assert.equal(a.tree.dueCount, 0);
    for (const id of [q1, q2]) assert.ok(a.study.review(id)!.card.due > Date.now() + DAY, `${id} is due days from now`);
  });

  it('undoes a rating: in a review the page steps back to it, the command takes the latest, the summary follows', async () => {
    const a = await api();
    const [q1, q2] = a.study.entries.slice(9, 11).map((e) => e.question.id);
    await dueElsewhere(a, [q1, q2]);
    const cardAndLog = (id: string) => {
      const r = a.study.review(id);
      return r && { card: r.card, log: r.log };
    };
    const before = structuredClone([cardAndLog(q1), cardAndLog(q2)]);
    const review = vscode.commands.executeCommand(COMMANDS.startReview);
    await until('the first due question in review', () => [q1, q2].includes(a.pages.active()?.review?.current ?? ''));
    const page = a.pages.active()!;
    const first = page.questionId;
    page.handleMessage({ type: 'rate', id: first, rating: 1 });
    await until('the second question', () => page.questionId !== first);
    page.handleMessage({ type: 'undoRating' }); // the page's `u`
    await until('back on the first question', () => page.questionId === first);
    assert.equal(page.review?.position, 1, 'the review stepped back');
    assert.deepEqual(cardAndLog(first), before[first === q1 ? 0 : 1], 'the card and history exactly as before');
    page.handleMessage({ type: 'rate', id: first, rating: 3 });
    await until('the second question again', () => page.questionId !== first);
    page.handleMessage({ type: 'rate', id: page.questionId, rating: 4 });
    await review;
    await until('the summary', () => /You rated 2 questions\./.test(a.reports.panel('review')?.webview.html ?? ''));
    assert.match(a.reports.panel('review')!.webview.html, /data-undo-rating/, 'the summary offers to undo');
    const second = page.questionId;
    await vscode.commands.executeCommand(COMMANDS.undoRating);
    await until('the summary without it', () => /You rated 1 question\./.test(a.reports.panel('review')?.webview.html ?? ''));
    assert.deepEqual(cardAndLog(second), before[second === q1 ? 0 : 1]);
    const stored = a.storage.get(storageKeys.review('django', second)) as { log: unknown[]; undone: unknown[] };
    assert.equal(stored.undone.length, 1, 'the undone rating is remembered, so another window cannot bring it back');
    await vscode.commands.executeCommand(COMMANDS.undoRating);
    await until('no summary left', () => a.reports.panel('review') === undefined);
    assert.deepEqual(cardAndLog(first), before[first === q1 ? 0 : 1]);
  });

  it('studies a set: questions added by command, the tree filtered by it, a review and a mock interview of its questions', async () => {
    const a = await api();
    const [q1, q2, q3] = a.study.entries.slice(20, 23).map((e) => e.question.id);
    await dueElsewhere(a, [q1, q2, q3]);
    for (const bad of ['', '   ', 'x'.repeat(41)])
      assert.equal(
        await vscode.commands.executeCommand(COMMANDS.addToStudySet, q1, bad),
        false,
        `a name ${JSON.stringify(bad)} is refused`,
      );
    assert.equal(a.study.store.sets.all(a.study.bankId).size, 0);
    assert.equal(await vscode.commands.executeCommand(COMMANDS.addToStudySet, q1, ' ORM '), true);
    assert.equal(await vscode.commands.executeCommand(COMMANDS.addToStudySet, q3, 'ORM'), true);
    assert.deepEqual([...a.study.store.sets.all(a.study.bankId).get('ORM')!], [q1, q3]);
    assert.ok(a.storage.get(storageKeys.sets(a.study.bankId)), 'stored');
    await vscode.commands.executeCommand(COMMANDS.filter, 'set:ORM');
    assert.equal(a.tree.matching(), 2);
    assert.match(a.view.description ?? '', /^Study set: ORM: 2 of \d+/);
    // The review takes the set's due questions only (q2 is due too, but not in the set).
    const review = vscode.commands.executeCommand(COMMANDS.startReview);
    await until('a question of the set in review', () => [q1, q3].includes(a.pages.active()?.review?.current ?? ''));
    const page = a.pages.active()!;
    assert.equal(page.review!.count, 2);
    for (let i = 0; i < 2; i++) {
      const id = page.questionId;
      assert.ok([q1, q3].includes(id), `${id} is in the set`);
      page.handleMessage({ type: 'rate', id, rating: 3 });
      if (i === 0) await until('the next question', () => page.questionId !== id);
    }
    await review;
    assert.ok(a.study.dueIds().includes(q2), 'the question outside the set is still due');
    await vscode.commands.executeCommand(COMMANDS.mockInterview, { sets: ['ORM'], count: 2, fresh: true });
    await until('the mock page', () => a.mocks.current !== undefined);
    assert.deepEqual(a.mocks.current!.record.items.map((i) => i.id).sort(), [q1, q3].sort());
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.equal(await vscode.commands.executeCommand(COMMANDS.deleteStudySet, 'ORM'), true);
    await until('the filter back to all', () => a.tree.filter === 'all');
    assert.equal(await vscode.commands.executeCommand(COMMANDS.deleteStudySet, 'ORM'), false, 'no such set any more');
  });

  it('takes no more reviews a day than djangoPrep.maxReviewsPerDay, the least likely recalled first, and shows the backlog', async () => {
    const a = await api();
    const config = () => vscode.workspace.getConfiguration('djangoPrep');
    const ids = a.study.entries.slice(5, 8).map((e) => e.question.id);
    await dueElsewhere(a, ids);
    // The third was failed twice long ago: the least likely to be recalled now.
    const at = Date.now() - 40 * DAY;
    const failed = rateCard(rateCard(undefined, 1, at).card, 1, at + DAY);
    const key = storageKeys.review(a.study.bankId, ids[2]);
    await a.storage.update(
      key,
      withReview(withReview(undefined, rateCard(undefined, 1, at).card, { r: 1, at, s: 0 }), failed.card, failed.entry),
    );
    a.study.store.changedElsewhere([key]);
    try {
      await config().update('maxReviewsPerDay', 1, vscode.ConfigurationTarget.Global);
      await until('the view shows the backlog', () => /3 due, 2 over today’s limit/.test(a.view.description ?? ''), 5000);
      const review = vscode.commands.executeCommand<unknown>(COMMANDS.startReview);
      await until('a review of one', () => a.pages.active()?.review !== undefined);
      const session = a.pages.active()!.review!;
      assert.deepEqual(session.ids, [ids[2]], 'the least likely to be recalled, and no more');
      a.pages.active()!.handleMessage({ type: 'rate', id: ids[2], rating: 3 });
      await review;
      assert.equal(await vscode.commands.executeCommand(COMMANDS.startReview), undefined, 'today’s one review is done');
      await until('two wait', () => /2 due, 2 over today’s limit/.test(a.view.description ?? ''), 5000);
    } finally {
      await config().update('maxReviewsPerDay', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('plans to an interview date: a bad date refused, the day’s plan in the view, its new questions, no interval past it', async () => {
    const a = await api();
    const day = (n: number) => {
      const d = new Date();
      d.setDate(d.getDate() + n);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    try {
      for (const bad of ['2020-01-01', day(0), 'next Friday', '2027-02-30'])
        assert.equal(await vscode.commands.executeCommand(COMMANDS.setInterviewDate, bad), false, bad);
      assert.equal(a.study.interviewDate(), undefined, 'nothing stored for a refused date');
      assert.equal(await vscode.commands.executeCommand(COMMANDS.setInterviewDate, day(30)), true);
      const perDay = Math.ceil(a.study.entries.length / 29);
      await until('the day’s plan in the view', () => (a.view.description ?? '').includes(`today: ${perDay} new, 0 due`), 5000);

      // A question long known falls due no later than the day before the interview, however well it is known.
      const [known] = a.study.entries.slice(10, 11).map((e) => e.question.id);
      await dueElsewhere(a, [known]);
      const before = a.study.review(known)!.card;
      const now = Date.now();
      const rated = await a.study.rate(known, 4);
      assert.ok(rateCard(before, 4, now).card.due > now + 30 * DAY, 'without the plan, Easy would go past the day');
      assert.ok(rated.card.due <= now + 29 * DAY + 60_000, `due in ${(rated.card.due - now) / DAY} days`);
      assert.equal(rated.log.at(-1)!.m, 29, 'the history keeps the plan’s longest interval');

      const review = vscode.commands.executeCommand(COMMANDS.startReview, { acceptNew: true });
      await until('the plan’s new questions', () => a.pages.active()?.review?.fresh === true);
      assert.equal(a.pages.active()!.review!.count, perDay);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await review;
    } finally {
      await vscode.commands.executeCommand(COMMANDS.clearInterviewDate);
    }
    assert.equal(a.study.interviewDate(), undefined);
    await until('no plan in the view', () => !(a.view.description ?? '').includes('today:'), 5000);
  });

  it('offers new questions when nothing is due, up to the daily limit', async () => {
    const a = await api();
    await vscode.workspace.getConfiguration('djangoPrep').update('newPerDay', 2, vscode.ConfigurationTarget.Global);
    const review = vscode.commands.executeCommand(COMMANDS.startReview, { acceptNew: true });
    await until('a session of new questions', () => a.pages.active()?.review?.fresh === true);
    const session = a.pages.active()!.review!;
    assert.equal(session.count, 2);
    assert.deepEqual(
      session.ids,
      a.study.entries.slice(0, 2).map((e) => e.question.id),
      'the first never-reviewed ones in reading order',
    );
    const page = a.pages.active()!;
    const first = session.current!;
    page.handleMessage({ type: 'rate', id: first, rating: 3 });
    await until('the second new question', () => session.current !== first);
    page.handleMessage({ type: 'rate', id: session.current!, rating: 3 });
    await review;
    assert.equal(a.study.newIds(2).length, 0, 'today’s two new questions are done');
  });

  it('runs a mock interview: answers kept apart from the notes, rated, summed up, and hostile messages ignored', async () => {
    const a = await api();
    const section = a.study.bank.sections[0];
    await a.study.store.setNote('django', a.study.idsUnder(section)[0], 'my earlier note');
    await vscode.commands.executeCommand(COMMANDS.mockInterview, { sections: [section.id], count: 2 });
    await until('the mock page', () => a.mocks.current !== undefined);
    const page = a.mocks.current!;
    const run = page.record;
    assert.equal(run.items.length, 2);
    assert.ok(run.items.every((i) => a.study.idsUnder(section).includes(i.id)));
    for (const bad of [
      { type: 'answer', runId: 'other', index: 0, text: 'x', base: 0, restored: false },
      { type: 'answer', runId: run.runId, index: 9, text: 'x', base: 0, restored: false },
      { type: 'answer', runId: run.runId, index: 0, text: 'x' },
      { type: 'rate', runId: run.runId, index: 0, rating: 9 },
      { type: 'finish' },
    ])
      page.handleMessage(bad);
    const notesBefore = run.items.map((i) => a.study.getNote(i.id));
    for (let index = 0; index < 2; index++) {
      await until(`question ${index + 1} shown`, () => page.record.items[index].shownAt !== undefined, 30000);
      page.handleMessage({ type: 'rate', runId: run.runId, index, rating: 3 }); // not before answering: ignored
      page.handleMessage({ type: 'answer', runId: run.runId, index, text: `answer ${index + 1}`, base: 0, restored: false });
      page.handleMessage({ type: 'answer', runId: run.runId, index, text: `answer`, base: 0, restored: true }); // a stale draft: ignored
      page.handleMessage({ type: 'finish', runId: run.runId, index });
      assert.equal(page.record.items[index].rating, undefined);
      page.handleMessage({ type: 'rate', runId: run.runId, index, rating: index === 0 ? 2 : 4 });
    }
    await until('the summary', () => a.reports.panel('mock') !== undefined);
    const stored = readMock(a.storage.get(storageKeys.mock('django', run.runId)))!;
    assert.deepEqual(
      stored.items.map((i) => [i.answer, i.rating]),
      [
        ['answer 1', 2],
        ['answer 2', 4],
      ],
    );
    assert.ok(stored.finished);
    assert.deepEqual(
      run.items.map((i) => a.study.getNote(i.id)),
      notesBefore,
      'the notes are untouched',
    );
    assert.ok(
      run.items.every((i) => a.study.review(i.id)?.log.length === 1),
      'each rating is a review',
    );
    const html = a.reports.panel('mock')!.webview.html;
    assert.match(html, /2 of 2 questions answered/);
    for (const i of run.items) assert.ok(html.includes(`data-question="${i.id}"`));
    await a.study.store.setNote('django', a.study.idsUnder(section)[0], '');
  });

  it('shows the statistics as four pictures with text alternatives', async () => {
    const a = await api();
    await dueElsewhere(a, ['1.1']);
    await vscode.commands.executeCommand(COMMANDS.showStatistics);
    const html = a.reports.panel('statistics')!.webview.html;
    assert.equal((html.match(/<svg class="chart"[^>]*role="img"[^>]*aria-labelledby="[^"]+"/g) ?? []).length, 4);
    assert.equal((html.match(/<desc id=/g) ?? []).length, 4);
    assert.match(html, /Content-Security-Policy" content="default-src &#39;none&#39;|Content-Security-Policy" content="default-src 'none'/);
    assert.ok(!/<script(?![^>]*nonce=)/.test(html), 'no script without the nonce');
    const local = a.reports
      .panel('statistics')!
      .webview.asWebviewUri(vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, 'media'))
      .toString();
    for (const [, url] of html.matchAll(/(?:src|href)="([^"]*)"/g))
      assert.ok(url === '#' || url.startsWith(local), `only the extension's own files and in-page links: ${url}`);
  });
});
