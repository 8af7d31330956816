// UI journeys in a real VS Code (code-server in Chromium): what a person clicks and sees.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBank } from '../../src/bank/parse';
import { listQuestions, walkSections } from '../../src/bank/model';
import { BUNDLED_BANK_FILE } from '../../src/bank/bundled';
import { Workbench, ROOT } from './workbench';

const bank = parseBank(readFileSync(join(ROOT, BUNDLED_BANK_FILE), 'utf8'));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const questionRow = (id: string) => new RegExp(`^${escape(id)} `);
const sectionRow = (title: string, done?: number, total?: number) =>
  new RegExp(`^${escape(title)}, ${done ?? '\\d+'} of ${total ?? '\\d+'} done$`);

/** A PNG of the whole window (1400 × 900, the viewport), with more in it than one flat colour. */
function assertPicture(path: string): void {
  const png = readFileSync(path);
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1400, 900]);
  assert.ok(png.length > 30_000, `a picture with content (${png.length} bytes)`);
}

describe('studying in a real VS Code', function () {
  this.timeout(180000);
  const wb = new Workbench();

  before(async () => {
    await wb.start();
  });
  after(async () => {
    await wb.stop();
  });

  it('shows every section with its count in the sidebar', async () => {
    await wb.openView();
    const expected = bank.sections.map((s) => {
      const qs = [...walkSections([s])].flatMap((x) => x.section.questions);
      return `${s.title}, ${qs.filter((q) => q.done).length} of ${qs.length} done`;
    });
    assert.equal(expected.length, 11);
    assert.deepEqual(await wb.rowLabels(), expected);
  });

  it('expands a section to its questions and subsections', async () => {
    await wb.expand(/^2\. Django Models/);
    await wb.waitForRow(sectionRow('2A. Django Models & Data Modeling', 3, 15));
    await wb.waitForRow(sectionRow('2B. Django ORM & Querying Techniques', 0, 20));
    await wb.expand(/^1\. Django Fundamentals/);
    await wb.waitForRow(questionRow('1.20'));
    const labels = await wb.rowLabels();
    for (const q of bank.sections[0].questions) {
      assert.ok(labels.some((l) => l.startsWith(`${q.id} ${q.text}`)), `row of ${q.id}`);
    }
    assert.equal(await wb.isChecked(questionRow('1.1')), true, 'the bank marks 1.1 done');
    assert.equal(await wb.isChecked(questionRow('1.8')), false);
  });

  it('ticks a question in the tree and the section count follows', async () => {
    await wb.checkbox(questionRow('1.8')).click();
    await wb.waitForRow(sectionRow('1. Django Fundamentals', 8, 20));
    assert.equal(await wb.isChecked(questionRow('1.8')), true);
  });

  async function expectTickKept(): Promise<void> {
    await wb.openView();
    await wb.waitForRow(sectionRow('1. Django Fundamentals', 8, 20));
    await wb.expand(/^1\. Django Fundamentals/);
    assert.equal(await wb.isChecked(questionRow('1.8')), true);
  }

  it('keeps the tick after a browser reload', async () => {
    await wb.reloadBrowser();
    await expectTickKept();
  });

  it('keeps the tick after code-server and the browser restart', async () => {
    await wb.restart();
    await expectTickKept();
  });

  it('opens a question beside the code, with the notes pane ready to type in', async () => {
    await wb.openFile('views.py');
    await wb.openView();
    await wb.expand(/^1\. Django Fundamentals/);
    const started = Date.now();
    await wb.row(questionRow('1.9')).click();
    const frame = await wb.pageFrame();
    await frame.locator('#notes:not([disabled])').waitFor();
    console.log(`      question page: ${Date.now() - started} ms from click to an editable notes pane`);
    assert.equal(await wb.pageQuestionId(), '1.9');
    assert.equal((await frame.locator('#question').textContent())?.trim(), 'What tasks does the manage.py file automate within a Django project?');
    assert.equal(await frame.locator('#question code').textContent(), 'manage.py', 'inline code is rendered as code');
    assert.equal(await frame.locator('#path').textContent(), '1. Django Fundamentals');
    assert.equal(await wb.page.locator('.editor-group-container').count(), 2, 'the page opens beside the editor');
  });

  it('keeps notes typed just before the page is closed', async () => {
    const note = 'manage.py wraps django-admin with DJANGO_SETTINGS_MODULE set.';
    let frame = await wb.pageFrame();
    await frame.locator('#notes').click();
    await frame.locator('#notes').pressSequentially(note, { delay: 5 });
    await wb.closeTab('1.9 ');
    await wb.row(questionRow('1.9')).click();
    frame = await wb.pageFrame();
    assert.equal(await frame.locator('#notes').inputValue(), note);
  });

  it('keeps notes when the browser reloads a quarter of a second after the last keystroke', async () => {
    await wb.row(questionRow('1.10')).click();
    let frame = await wb.pageFrame();
    await frame.waitForSelector('#page[data-question-id="1.10"]');
    const note = 'STATIC_URL, STATIC_ROOT and collectstatic; MEDIA_URL and MEDIA_ROOT for uploads.';
    await frame.locator('#notes').click();
    await frame.locator('#notes').pressSequentially(note, { delay: 5 });
    await wb.page.waitForTimeout(250);
    await wb.reloadBrowser();
    await wb.openView();
    await wb.expand(/^1\. Django Fundamentals/);
    await wb.row(questionRow('1.10')).click();
    frame = await wb.pageFrame();
    await frame.waitForSelector('#page[data-question-id="1.10"]');
    assert.equal(await frame.locator('#notes').inputValue(), note);
    // And it reached storage, not only the page: another question and back.
    await wb.row(questionRow('1.11')).click();
    await frame.waitForSelector('#page[data-question-id="1.11"]');
    await wb.row(questionRow('1.10')).click();
    await frame.waitForSelector('#page[data-question-id="1.10"]');
    assert.equal(await frame.locator('#notes').inputValue(), note);
  });

  it('toggles done on the page and the tree follows', async () => {
    const frame = await wb.pageFrame();
    assert.equal(await frame.locator('#done').isChecked(), false);
    await frame.locator('#done').check();
    await wb.waitForRow(sectionRow('1. Django Fundamentals', 9, 20));
    assert.equal(await wb.isChecked(questionRow('1.10')), true);
    await wb.checkbox(questionRow('1.10')).click();
    await wb.waitForRow(sectionRow('1. Django Fundamentals', 8, 20));
    await frame.waitForSelector('#done:not(:checked)');
  });

  it('toggles done with the keyboard while the page has focus (Ctrl+Alt+D)', async () => {
    const frame = await wb.pageFrame();
    await frame.waitForSelector('#page[data-question-id="1.10"]');
    await frame.locator('#notes').focus();
    await wb.page.keyboard.press('Control+Alt+d');
    await wb.waitForRow(sectionRow('1. Django Fundamentals', 9, 20));
    await frame.waitForSelector('#done:checked');
    await wb.page.keyboard.press('Control+Alt+d');
    await wb.waitForRow(sectionRow('1. Django Fundamentals', 8, 20));
    await frame.waitForSelector('#done:not(:checked)');
    assert.equal(await frame.locator('#notes').inputValue(), 'STATIC_URL, STATIC_ROOT and collectstatic; MEDIA_URL and MEDIA_ROOT for uploads.', 'the shortcut types nothing into the notes');
  });

  it('walks the bank with Previous and Next', async () => {
    const frame = await wb.pageFrame();
    const order = listQuestions(bank).map((e) => e.question.id);
    const at = order.indexOf('1.10');
    await frame.locator('#next').click();
    await frame.waitForSelector(`#page[data-question-id="${order[at + 1]}"]`);
    await frame.locator('#next').click();
    await frame.waitForSelector(`#page[data-question-id="${order[at + 2]}"]`);
    await frame.locator('#previous').click();
    await frame.waitForSelector(`#page[data-question-id="${order[at + 1]}"]`);
    // Across a section boundary: from 1.20 the next is 2A.1.
    await wb.row(questionRow('1.20')).click();
    await frame.waitForSelector('#page[data-question-id="1.20"]');
    await frame.locator('#next').click();
    await frame.waitForSelector('#page[data-question-id="2A.1"]');
    assert.equal(await frame.locator('#path').textContent(), '2. Django Models, ORM, and Data Modeling › 2A. Django Models & Data Modeling');
  });

  it('takes screenshots of the sidebar with a question page open', async () => {
    await wb.row(questionRow('1.9')).click();
    const frame = await wb.pageFrame();
    await frame.waitForSelector('#page[data-question-id="1.9"]');
    await wb.page.mouse.move(0, 0);
    assertPicture(await wb.screenshot('study-workspace.png'));
    assert.equal(await wb.page.locator('.editor-group-container').count(), 2, 'the page beside the code');
    await wb.expand(/^4\. Django URL Routing/);
    await wb.expand(/^4B\. Middleware/);
    await wb.row(questionRow('4B.3')).click();
    await frame.waitForSelector('#page[data-question-id="4B.3"]');
    await frame.locator('#notes').fill('process_request runs on the way in, top to bottom;\nprocess_response on the way out, bottom to top.');
    await frame.waitForSelector('#status:text-is("Saved")');
    await wb.page.mouse.move(0, 0);
    assertPicture(await wb.screenshot('question-with-details.png'));
    assert.equal(await frame.locator('#details').isVisible(), true, 'the question’s details are in the picture');
  });

  it('resets progress after asking: clear all, then back to the bank markers', async () => {
    await wb.command('Django Prep: Reset Progress…');
    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    assert.match((await dialog.textContent()) ?? '', /Reset your progress\?.*Your notes are kept either way/s);
    await dialog.getByRole('button', { name: 'Clear All' }).click();
    await wb.waitForRow(sectionRow('1. Django Fundamentals', 0, 20));
    await wb.waitForRow(sectionRow('5. Django REST Framework (DRF)', 0, 36));
    await wb.command('Django Prep: Reset Progress…');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Back to the Bank’s Markers' }).click();
    await wb.waitForRow(sectionRow('1. Django Fundamentals', 7, 20));
    await wb.waitForRow(sectionRow('5. Django REST Framework (DRF)', 3, 36));
  });
});
