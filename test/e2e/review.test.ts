// Spaced review, a timed mock interview and the statistics, as a learner uses them: review
// histories brought from another machine with Restore from Backup (two questions due), a review
// of both by keyboard, a mock interview of two questions with a few seconds each, and the charts.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { bank, entries } from './bank';
import { useWorkbench } from './workbench';
import { rateCard } from '../../src/review/fsrs';
import { withReview } from '../../src/review/record';
import { BACKUP_FORMAT, BACKUP_SCHEMA } from '../../src/progress/backup';
import { BUNDLED_BANK_ID } from '../../src/bank/bundled';

const DAY = 86_400_000;
const SECONDS_PER_QUESTION = 4;

describe('spaced review, mock interviews and statistics', function () {
  this.timeout(240000);
  const wb = useWorkbench({ settings: { 'djangoPrep.mockMinutesPerQuestion': SECONDS_PER_QUESTION / 60 } });
  const [q1, q2] = [entries[3].question, entries[30].question];

  it('reviews the two questions that are due, by keyboard, and sums up', async () => {
    // Reviewed on another machine weeks ago: rated Easy, due since.
    const backupFile = wb.workspacePath('from-another-machine.json');
    const entriesOf = Object.fromEntries(
      [q1, q2].map((q) => {
        const { card, entry } = rateCard(undefined, 4, Date.now() - 30 * DAY);
        return [`review/${BUNDLED_BANK_ID}/${q.id}`, withReview(undefined, card, entry)];
      }),
    );
    writeFileSync(
      backupFile,
      JSON.stringify({
        format: BACKUP_FORMAT,
        schema: BACKUP_SCHEMA,
        bankId: BUNDLED_BANK_ID,
        bankTitle: bank.title,
        exportedAt: new Date().toISOString(),
        entries: entriesOf,
      }),
    );
    await wb.openView();
    await wb.command('Django Prep: Restore Progress and Notes from Backup…');
    // The workbench's own file dialog: it fills in the folder first, then takes a typed path.
    const input = wb.page.locator('.quick-input-widget input.input');
    await input.waitFor();
    await wb.page.waitForFunction(() =>
      ((document.querySelector('.quick-input-widget input.input') as HTMLInputElement | null)?.value ?? '').endsWith('/'),
    );
    // The dialog can still be writing its folder in after that (seen: the folder, then our path
    // after it): fill until the path stays as typed.
    for (let attempt = 0; attempt < 5; attempt++) {
      await input.fill(backupFile);
      await wb.page.waitForTimeout(200);
      if ((await input.inputValue()) === backupFile) break;
    }
    assert.equal(await input.inputValue(), backupFile);
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'from-another-machine.json' }).waitFor();
    await wb.page.keyboard.press('Enter');
    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await wb.waitForNotification(/reviews of 2 questions added/);

    await wb.viewDescription('· 2 due');
    await wb.page.locator('.activitybar .action-item .badge-content', { hasText: /^2$/ }).waitFor({ timeout: 10000 });

    await wb.command('Django Prep: Start Review');
    let frame = await wb.frameWith('#page.in-review[aria-busy="false"]');
    assert.match(await frame.locator('#position').innerText(), /^Review 1 of 2$/);
    const first = await frame.locator('#page').getAttribute('data-question-id');
    assert.ok(first === q1.id || first === q2.id, `a due question first: ${first}`);
    assert.equal(await frame.locator('#notes').isVisible(), false, 'the notes wait for Show answer');
    assert.equal(await frame.locator('#recall').isVisible(), false);
    await frame.locator('#reveal:focus').waitFor();
    await wb.page.keyboard.press('Space');
    await frame.locator('#notes').waitFor({ state: 'visible' });
    await frame.locator('#recall').waitFor({ state: 'visible' });
    assert.match(await frame.locator('#rate-3').innerText(), /Good\s+\d/, 'each rating says when it would bring the question back');
    await wb.page.keyboard.press('3');
    await frame.waitForSelector('#position:text-is("Review 2 of 2")');
    // A slip, taken back with U: the review steps back to the first question, its history as it was.
    await wb.page.keyboard.press('u');
    await frame.waitForSelector('#position:text-is("Review 1 of 2")');
    assert.equal(await frame.locator('#page').getAttribute('data-question-id'), first);
    await frame.locator('#reveal:focus').waitFor();
    await wb.page.keyboard.press('Space');
    await frame.locator('#recall').waitFor({ state: 'visible' });
    assert.equal(await frame.locator('#history-reviews').isVisible(), false, 'the history is folded');
    await frame.locator('#history summary').click();
    assert.equal(await frame.locator('#history-reviews li').count(), 1, 'only the review from the other machine');
    assert.match(await frame.locator('#history-reviews li').innerText(), /Easy, next after \d+ days/);
    assert.match(await frame.locator('#history-now').innerText(), /^Next due .+; the chance of recalling it now: \d+%\.$/);
    await wb.page.keyboard.press('3');
    await frame.waitForSelector('#position:text-is("Review 2 of 2")');
    const second = await frame.locator('#page').getAttribute('data-question-id');
    assert.notEqual(second, first);
    assert.equal(await frame.locator('#notes').isVisible(), false, 'hidden again for the next question');
    await wb.page.keyboard.press('Space');
    await frame.locator('#recall').waitFor({ state: 'visible' });
    await wb.page.keyboard.press('4');

    frame = await wb.frameWith('#summary-count');
    assert.equal(await frame.locator('#summary-count').innerText(), 'You rated 2 questions.');
    assert.match(await frame.locator('.tally').innerText(), /Good 1.*Easy 1/s);
    assert.equal(await frame.locator('.results a[data-question]').count(), 2);
    await wb.viewDescription(`/${entries.length}`);
    assert.equal(await wb.page.locator('.activitybar .action-item .badge-content', { hasText: /^2$/ }).count(), 0, 'nothing due: no badge');
    await wb.screenshot('review-summary.png');
    // The summary's link takes back the last rating: the second question is due again.
    await frame.locator('#undo-rating').click();
    await wb.frameWith('#summary-count:text-is("You rated 1 question.")');
    await wb.viewDescription('· 1 due');
  });

  it('runs a mock interview of two questions against the clock and lists how it went', async () => {
    await wb.command('Django Prep: Start Mock Interview…');
    const quick = wb.page.locator('.quick-input-widget input.input');
    await quick.waitFor();
    await wb.page.locator('.quick-input-list .monaco-list-row').first().waitFor();
    await wb.page.keyboard.press('Enter'); // every section, as offered
    await wb.page
      .locator('.quick-input-widget .quick-input-message')
      .filter({ hasText: /How many questions/ })
      .waitFor();
    await quick.fill('2');
    await wb.page.keyboard.press('Enter');

    let frame = await wb.frameWith('#mock[aria-busy="false"][data-phase="answer"]');
    assert.match(await frame.locator('#position').innerText(), /question 1 of 2/);
    assert.match(await frame.locator('#timer').innerText(), /^0:0[1-4]$/, 'the countdown runs');
    const firstId = await frame.locator('#mock').getAttribute('data-question-id');
    await frame.locator('#answer:focus').waitFor();
    await wb.page.keyboard.type('Middleware wraps every request.', { delay: 10 });
    // Time runs out: the earlier notes and the rating appear, the answer stays.
    await frame.locator('#mock[data-phase="rate"]').waitFor({ timeout: 15000 });
    assert.equal(await frame.locator('#answer').inputValue(), 'Middleware wraps every request.');
    await frame.locator('#afterwards').waitFor({ state: 'visible' });
    await wb.page.keyboard.press('Tab'); // out of the answer box, as a person would, then rate
    await wb.page.keyboard.press('2');

    await frame.locator(`#mock[data-phase="answer"]:not([data-question-id="${firstId}"])`).waitFor({ timeout: 15000 });
    assert.match(await frame.locator('#position').innerText(), /question 2 of 2/);
    await wb.page.keyboard.type('Signals decouple senders.', { delay: 10 });
    await wb.page.keyboard.press('Control+Enter'); // done before the time is up
    await frame.locator('#mock[data-phase="rate"]').waitFor();
    await wb.page.keyboard.press('4');

    frame = await wb.frameWith('#summary-count');
    assert.match(await frame.locator('#summary-count').innerText(), /^2 of 2 questions answered in 0:0\d\.$/);
    const rows = frame.locator('.results li');
    assert.equal(await rows.count(), 2);
    assert.match(await rows.nth(0).innerText(), /Hard/);
    assert.match(await rows.nth(1).innerText(), /Easy/);
    await rows.nth(0).locator('summary').click();
    assert.equal(await rows.nth(0).locator('pre').innerText(), 'Middleware wraps every request.');
    // A link goes back to the question, whose own notes the interview left alone.
    await rows.nth(0).locator('a[data-question]').click();
    const page = await wb.pageFramesFor(firstId!, 1);
    assert.equal(await page[0].locator('#notes').inputValue(), '');
    // Its history, unfolded, has the interview's time and rating.
    await page[0].locator('#history summary').click();
    assert.match(await page[0].locator('#history-mocks li').first().innerText(), /answered in a mock interview in 0:0\d$/);
    assert.match(await page[0].locator('#history-reviews li').first().innerText(), /: Hard, next after /);
    await wb.screenshot('question-history.png');
  });

  it('keeps a mock answer typed right before a reload, and carries on from it', async () => {
    await wb.command('Django Prep: Start Mock Interview…');
    const quick = wb.page.locator('.quick-input-widget input.input');
    await wb.page.locator('.quick-input-list .monaco-list-row').first().waitFor();
    await wb.page.keyboard.press('Enter');
    await wb.page
      .locator('.quick-input-widget .quick-input-message')
      .filter({ hasText: /How many questions/ })
      .waitFor();
    await quick.fill('1');
    await wb.page.keyboard.press('Enter');
    let frame = await wb.frameWith('#mock[aria-busy="false"][data-phase="answer"]');
    await frame.locator('#answer:focus').waitFor();
    const typed = 'The ORM builds SQL lazily; ' + 'querysets are evaluated on iteration. '.repeat(8);
    // Typed without a pause at a fast typist's pace (the question page's own reload tests use the
    // same), and reloaded 250 ms after the last keystroke, before the workbench saved its layout.
    await wb.page.keyboard.type(typed, { delay: 14 });
    await wb.page.waitForTimeout(250);
    await wb.reloadBrowser();
    // The page comes back by itself when the workbench had saved its layout; otherwise the
    // extension offers to carry on.
    const offer = wb.page.locator('.notifications-toasts .notification-toast', { hasText: /mock interview was interrupted/ });
    const revived = async () => {
      for (const f of wb.page.frames()) if (await f.$('#mock[aria-busy="false"]').catch(() => null)) return true;
      return false;
    };
    const start = Date.now();
    while (!(await revived()) && !(await offer.isVisible())) {
      if (Date.now() - start > 60000) throw new Error('neither the mock page nor the offer to continue came back');
      await wb.page.waitForTimeout(200);
    }
    if (await offer.isVisible()) await offer.getByRole('button', { name: 'Continue' }).click();
    frame = await wb.frameWith('#mock[aria-busy="false"]', 30000);
    // The time ran out while the window reloaded: the page comes back to the rating, the answer whole.
    await frame.locator('#mock[data-phase="rate"]').waitFor({ timeout: 15000 });
    assert.equal(await frame.locator('#answer').inputValue(), typed);
    await frame.locator('#rate-3').click();
    frame = await wb.frameWith('#summary-count');
    await frame.locator('.results li summary').click();
    assert.equal(await frame.locator('.results li pre').innerText(), typed);
  });

  it('shows the statistics as charts with words for a screen reader, after a reload', async () => {
    await wb.reloadBrowser();
    await wb.command('Django Prep: Show Study Statistics');
    const frame = await wb.frameWith('#due-next svg');
    assert.equal(await frame.locator('svg.chart[role="img"]').count(), 4);
    for (const id of ['done-over-time', 'reviews-per-day', 'retention', 'due-next']) {
      const svg = frame.locator(`#${id} svg`);
      const labelledBy = (await svg.getAttribute('aria-labelledby'))!.split(' ');
      assert.equal(labelledBy.length, 2);
      assert.ok((await frame.locator(`[id="${labelledBy[1]}"]`).textContent())!.length > 10, `${id} has a description`);
    }
    // Two reviews a month ago (the backup), two in the review less the one undone, and three in the mock interviews today.
    assert.match(await frame.locator('#reviews-per-day .alt').innerText(), /^6 reviews on 2 days; the most on .+ \(4\)\.$/);
    assert.ok((await frame.locator('#reviews-per-day rect.cell:not(.l0)').count()) >= 1, 'today’s reviews are on the heatmap');
    assert.ok((await frame.locator('#due-next rect.bar').count()) >= 1);
    // The page's markup can be there before its style sheet has loaded (the webview's service worker
    // serves it, after a reload slowly): the bars take a theme colour once it has.
    const fill = () =>
      frame
        .locator('#due-next rect.bar')
        .first()
        .evaluate((el) => getComputedStyle(el).fill);
    let seen = await fill();
    for (let i = 0; i < 50 && (seen === 'none' || seen === 'rgb(0, 0, 0)'); i++) {
      await wb.page.waitForTimeout(200);
      seen = await fill();
    }
    assert.ok(seen && seen !== 'none' && seen !== 'rgb(0, 0, 0)', `a theme colour within 10 s: ${seen}`);
    await wb.screenshot('statistics.png');
  });

  it('plans to an interview date: the status bar counts the days and the reviews, and the statistics draw the burn-down', async () => {
    await wb.openView();
    await wb.command('Django Prep: Set Interview Date…');
    const input = wb.page.locator('.quick-input-widget input.input');
    await input.waitFor();
    await input.fill('2020-01-01');
    await wb.page.locator('.quick-input-widget .quick-input-message', { hasText: 'must be after today' }).waitFor();
    const d = new Date(Date.now() + 12 * DAY);
    await input.fill(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`);
    await wb.page.keyboard.press('Enter');
    const status = wb.page.locator('.statusbar-item', { hasText: /12 days · \d+ due/ }).first();
    await status.waitFor({ timeout: 15000 });
    await wb.viewDescription('today: ');
    await wb.command('Django Prep: Show Study Statistics');
    const frame = await wb.frameWith('#burn-down svg');
    assert.equal(await frame.locator('#burn-down polyline').count(), 3, 'seen, reviewed twice, the plan');
    assert.match(
      await frame.locator('#burn-down .alt').innerText(),
      /^By today \d+ of \d+ questions seen and \d+ reviewed twice; the plan has/,
    );
    assert.match(await frame.locator('.facts').innerText(), /day streak/);
    await wb.screenshot('burn-down.png');
    await wb.command('Django Prep: Clear Interview Date');
    await status.waitFor({ state: 'detached', timeout: 15000 });
  });

  it('brings up a statistics page whose webview frame never starts, in a new panel in its place', async () => {
    await wb.stallNextWebview();
    await wb.command('Django Prep: Show Study Statistics');
    const frame = await wb.frameWith('#due-next svg', 40000);
    assert.equal(await wb.stalledWebviewTaken(), true, 'the first webview frame did stall');
    assert.equal(await frame.locator('svg.chart[role="img"]').count(), 4);
    assert.equal(
      await wb.page.locator('.tabs-container .tab[aria-label^="Study Statistics"]').count(),
      1,
      'one tab: the stalled panel made way',
    );
  });
});
