// UI journeys in a real VS Code (code-server in Chromium): what a person clicks and sees.
// Each test starts from a known state (no editor open, the bank's own done markers) and takes
// its questions and counts from the bank, so any one of them can run alone or in any order.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { QuestionEntry } from '../../src/bank/model';
import { bank, countOf, entries, entry, questionRow, sectionLabel, sectionRow, undoneIn } from './bank';
import { useWorkbench } from './workbench';

const first = bank.sections[0];
const inFirst = entries.filter((e) => e.path[0] === first);
/** Questions of the first section the bank does not mark done: the ones these tests tick. */
const undone = undoneIn(first, 6);

/** A PNG of the whole window (1400 × 900, the viewport), with more in it than one flat colour. */
function assertPicture(path: string): void {
  const png = readFileSync(path);
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1400, 900]);
  assert.ok(png.length > 30_000, `a picture with content (${png.length} bytes)`);
}

describe('studying in a real VS Code', function () {
  this.timeout(180000);
  const wb = useWorkbench();
  beforeEach(async () => {
    await wb.resetProgress('Back to the Bank’s Markers');
    await wb.openView();
    await wb.collapseAll();
    await wb.waitForRow(sectionRow(first, countOf(first).done));
  });

  /** Opens a question from the tree, its sections expanded first, and returns its page. */
  const open = (e: QuestionEntry) => wb.openQuestion(e.path.map(sectionLabel), e.question.id);

  async function tick(id: string): Promise<void> {
    await wb.expand(sectionLabel(first));
    await wb.checkbox(questionRow(id)).click();
    await wb.waitForRow(sectionRow(first, countOf(first).done + 1));
  }

  async function expectTicked(id: string): Promise<void> {
    await wb.openView();
    await wb.waitForRow(sectionRow(first, countOf(first).done + 1));
    await wb.expand(sectionLabel(first));
    assert.equal(await wb.isChecked(questionRow(id)), true);
  }

  it('shows every section with its count in the sidebar', async () => {
    const expected = bank.sections.map((s) => `${s.title}, ${countOf(s).done} of ${countOf(s).total} done`);
    assert.deepEqual(await wb.rowLabels(), expected);
  });

  it('expands a section to its questions and subsections', async () => {
    const withSubsections = bank.sections.find((s) => s.sections.length > 0)!;
    await wb.expand(sectionLabel(withSubsections));
    for (const sub of withSubsections.sections) await wb.waitForRow(sectionRow(sub, countOf(sub).done));
    await wb.expand(sectionLabel(first));
    await wb.waitForRow(questionRow(first.questions[first.questions.length - 1].id));
    const labels = await wb.rowLabels();
    for (const q of first.questions) {
      assert.ok(
        labels.some((l) => l.startsWith(`${q.id} ${q.text}`)),
        `row of ${q.id}`,
      );
      assert.equal(await wb.isChecked(questionRow(q.id)), q.done, `${q.id} is ticked as the bank marks it`);
    }
  });

  it('ticks a question in the tree and the section count follows', async () => {
    await tick(undone[0].id);
    assert.equal(await wb.isChecked(questionRow(undone[0].id)), true);
  });

  it('keeps the tick after a browser reload', async () => {
    await tick(undone[1].id);
    await wb.reloadBrowser();
    await expectTicked(undone[1].id);
  });

  it('keeps the tick after code-server and the browser restart', async () => {
    await tick(undone[2].id);
    await wb.restart();
    await expectTicked(undone[2].id);
  });

  it('opens a question beside the code, with the notes pane ready to type in', async () => {
    const withCode = inFirst.find((e) => e.question.rich.some((i) => i.t === 'code'))!;
    await wb.openFile('views.py');
    await wb.openView();
    await wb.expand(sectionLabel(first));
    const started = Date.now();
    await wb.row(questionRow(withCode.question.id)).click();
    const frame = await wb.pageFrame();
    await frame.locator('#notes:not([disabled])').waitFor();
    console.log(`      question page: ${Date.now() - started} ms from click to an editable notes pane`);
    assert.equal(await wb.pageQuestionId(), withCode.question.id);
    assert.equal((await frame.locator('#question').textContent())?.trim(), withCode.question.text);
    const code = withCode.question.rich.find((i) => i.t === 'code') as { v: string };
    assert.equal(await frame.locator('#question code').first().textContent(), code.v, 'inline code is rendered as code');
    assert.equal(await frame.locator('#path').textContent(), first.title);
    assert.equal(await wb.page.locator('.editor-group-container').count(), 2, 'the page opens beside the editor');
  });

  it('brings up a question page whose webview frame never starts, in a new panel in its place', async () => {
    // In the browser, VS Code's outer frame of a webview sometimes waits for ever for its service
    // worker (seen in CI after two tabs reloaded together): the page stays blank, and setting its
    // HTML again does not help. Here the first frame is made to wait so.
    const id = undone[2].id;
    await wb.stallNextWebview();
    await wb.expand(sectionLabel(first));
    const started = Date.now();
    await wb.row(questionRow(id)).click();
    const [frame] = await wb.pageFramesFor(id, 1, 40000);
    console.log(`      a stalled page came up in a new panel ${Date.now() - started} ms after the click`);
    assert.equal(await wb.stalledWebviewTaken(), true, 'the first webview frame did stall');
    assert.equal(
      await wb.page.locator(`.tabs-container .tab[aria-label^="${id} "]`).count(),
      1,
      'the stalled panel made way: one tab for the question',
    );
    const note = 'select_related joins in SQL; prefetch_related runs a second query.';
    await frame.locator('#notes').fill(note);
    await wb.closeTab(`${id} `);
    assert.equal(await (await open(entry(id))).locator('#notes').inputValue(), note, 'the new panel saves what is typed in it');
    await (await wb.pageFrame()).locator('#notes').fill('');
  });

  it('keeps notes typed just before the page is closed', async () => {
    const id = undone[3].id;
    const note = 'manage.py wraps django-admin with DJANGO_SETTINGS_MODULE set.';
    let frame = await open(entry(id));
    await frame.locator('#notes').fill('');
    await frame.locator('#notes').pressSequentially(note, { delay: 5 });
    await wb.closeTab(`${id} `);
    frame = await open(entry(id));
    assert.equal(await frame.locator('#notes').inputValue(), note);
  });

  it('keeps notes when the browser reloads a quarter of a second after the last keystroke', async () => {
    const [id, other] = [undone[4].id, undone[5].id];
    let frame = await open(entry(id));
    const note = 'STATIC_URL, STATIC_ROOT and collectstatic; MEDIA_URL and MEDIA_ROOT for uploads.';
    await frame.locator('#notes').fill('');
    await frame.locator('#notes').pressSequentially(note, { delay: 5 });
    await wb.page.waitForTimeout(250);
    await wb.reloadBrowser();
    await wb.openView();
    frame = await open(entry(id));
    assert.equal(await frame.locator('#notes').inputValue(), note);
    // And it reached storage, not only the page: another question and back.
    await open(entry(other));
    frame = await open(entry(id));
    assert.equal(await frame.locator('#notes').inputValue(), note);
  });

  it('toggles done on the page and the tree follows', async () => {
    const id = undone[0].id;
    const frame = await open(entry(id));
    assert.equal(await frame.locator('#done').isChecked(), false);
    await frame.locator('#done').check();
    await wb.waitForRow(sectionRow(first, countOf(first).done + 1));
    assert.equal(await wb.isChecked(questionRow(id)), true);
    await wb.checkbox(questionRow(id)).click();
    await wb.waitForRow(sectionRow(first, countOf(first).done));
    await frame.waitForSelector('#done:not(:checked)');
  });

  it('toggles done with the keyboard while the page has focus (Ctrl+Alt+D)', async () => {
    const frame = await open(entry(undone[1].id));
    const note = 'The shortcut must not type into this.';
    await frame.locator('#notes').fill(note);
    await frame.locator('#notes').focus();
    await wb.page.keyboard.press('Control+Alt+d');
    await wb.waitForRow(sectionRow(first, countOf(first).done + 1));
    await frame.waitForSelector('#done:checked');
    await wb.page.keyboard.press('Control+Alt+d');
    await wb.waitForRow(sectionRow(first, countOf(first).done));
    await frame.waitForSelector('#done:not(:checked)');
    assert.equal(await frame.locator('#notes').inputValue(), note, 'the shortcut types nothing into the notes');
  });

  it('shows Check My Answer beside the notes; with no chat model in this VS Code it says why, and the notes stay', async () => {
    const frame = await open(entry(undone[2].id));
    const note = 'A QuerySet is lazy.';
    await frame.locator('#notes').fill(note);
    const button = frame.locator('#check-answer');
    await button.waitFor();
    assert.equal((await button.textContent())?.trim(), 'Check My Answer');
    await button.click();
    const status = frame.locator('#feedback-status');
    await frame.waitForSelector('#feedback-status[data-kind="error"]', { timeout: 15000 });
    const said = (await status.textContent()) ?? '';
    assert.match(said, /^Check My Answer cannot run: no chat model is available: install GitHub Copilot Chat/);
    assert.equal(await frame.locator('#stop-feedback').isHidden(), true, 'no request under way');
    assert.equal(await frame.locator('#take-rating').isHidden(), true, 'no rating suggested');
    assert.equal(await frame.locator('#notes').inputValue(), note);
    await frame.locator('#notes').fill('');
  });

  it('walks the bank with Previous and Next', async () => {
    const at = 1;
    const frame = await open(entries[at]);
    await frame.locator('#next').click();
    await frame.waitForSelector(`#page[data-question-id="${entries[at + 1].question.id}"]`);
    await frame.locator('#next').click();
    await frame.waitForSelector(`#page[data-question-id="${entries[at + 2].question.id}"]`);
    await frame.locator('#previous').click();
    await frame.waitForSelector(`#page[data-question-id="${entries[at + 1].question.id}"]`);
    // Across a section boundary: from the first section's last question to the next section's first.
    const last = inFirst[inFirst.length - 1];
    const next = entries[entries.indexOf(last) + 1];
    await open(last);
    await frame.locator('#next').click();
    await frame.waitForSelector(`#page[data-question-id="${next.question.id}"]`);
    assert.equal(await frame.locator('#path').textContent(), next.path.map((s) => s.title).join(' › '));
  });

  it('takes screenshots of the sidebar with a question page open', async () => {
    const withCode = inFirst.find((e) => e.question.rich.some((i) => i.t === 'code'))!;
    await wb.openFile('views.py');
    await open(withCode);
    await wb.page.mouse.move(0, 0);
    assertPicture(await wb.screenshot('study-workspace.png'));
    assert.equal(await wb.page.locator('.editor-group-container').count(), 2, 'the page beside the code');
    const withDetails = entries.find((e) => e.question.details && e.path.length > 1)!;
    const frame = await open(withDetails);
    await frame
      .locator('#notes')
      .fill('process_request runs on the way in, top to bottom;\nprocess_response on the way out, bottom to top.');
    await frame.waitForSelector('#status:text-is("Saved")');
    await wb.page.mouse.move(0, 0);
    assertPicture(await wb.screenshot('question-with-details.png'));
    assert.equal(await frame.locator('#details').isVisible(), true, 'the question’s details are in the picture');
  });

  it('resets progress after asking: clear all, then back to the bank markers', async () => {
    await tick(undone[0].id);
    await wb.command('Django Prep: Reset Progress…');
    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    assert.match(
      (await dialog.textContent()) ?? '',
      /Reset your progress\?.*Your notes, review history and mock interviews are kept either way/s,
    );
    await dialog.getByRole('button', { name: 'Clear All' }).click();
    await wb.collapseAll();
    for (const s of bank.sections) await wb.waitForRow(sectionRow(s, 0));
    await wb.resetProgress('Back to the Bank’s Markers');
    for (const s of bank.sections) await wb.waitForRow(sectionRow(s, countOf(s).done));
  });
});
