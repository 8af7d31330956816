// Notes are never lost: two pages on one question, a 1 MB note, and text from every Unicode plane.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bank } from './bank';
import { slug } from '../../src/bank/ids';
import { leafSectionWith, questionRow as row, sectionLabel } from './bank';
import { useWorkbench } from './workbench';

/** A section without subsections, after the first such, and three of its questions. */
const { section, path } = leafSectionWith(0, leafSectionWith(0).section);
const [q1, q2, q3, q4] = section.questions.map((q) => q.id);
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** A character from each of the 17 planes that has any, plus the hard cases of the BMP. */
const EVERY_PLANE = [
  'BMP: é ß 中文 עברית العربية ‎mixed‏ e\u0301 \u200d \ufeff tab\there',
  'plane 1: 🐍 👩‍💻 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𓂀',
  'plane 2: 𠀀 𪚥',
  'plane 3: 𰀀',
  'plane 14: \u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} \u{E0100}',
  'plane 15: \u{F0000}',
  'plane 16: \u{10FFFD}',
].join('\n');

describe('notes are never lost', function () {
  this.timeout(240000);
  const wb = useWorkbench();

  /** Opens a question of that section from the tree and returns its page once shown. */
  const open = (id: string) => wb.openQuestion(path.map(sectionLabel), id);

  it('shows what is typed in one page on a second page of the same question', async () => {
    const first = await open(q1);
    await wb.contextMenu(row(q1), 'Open Question in New Page');
    const frames = await wb.pageFramesFor(q1, 2);
    const second = frames.find((f) => f !== first)!;
    await second.locator('#notes').fill('');
    await second.locator('#notes').click();
    await second.locator('#notes').pressSequentially('A model is a class', { delay: 10 });
    await first.waitForFunction(() => (document.getElementById('notes') as HTMLTextAreaElement).value === 'A model is a class');
    await first.locator('#notes').click();
    await first.locator('#notes').press('End');
    await first.locator('#notes').pressSequentially(' mapped to a table.', { delay: 10 });
    await second.waitForFunction(
      () => (document.getElementById('notes') as HTMLTextAreaElement).value === 'A model is a class mapped to a table.',
    );
  });

  it('keeps a 1 MB note through a reload', async () => {
    const line = 'QuerySets are lazy: nothing touches the database until you iterate, slice with a step, or call len(). ';
    const note = line.repeat(Math.ceil((1024 * 1024) / line.length)).slice(0, 1024 * 1024);
    let frame = await open(q2);
    await frame.locator('#notes').fill(note);
    await frame.waitForSelector('#status:text-is("Saved")', { timeout: 60000 });
    await wb.reloadBrowser();
    frame = await open(q2);
    const back = await frame.locator('#notes').inputValue();
    assert.equal(back.length, note.length);
    assert.equal(sha(back), sha(note));
  });

  it('keeps text from every Unicode plane exactly', async () => {
    let frame = await open(q3);
    await frame.locator('#notes').fill(EVERY_PLANE);
    await frame.waitForSelector('#status:text-is("Saved")');
    await wb.command('View: Close All Editors');
    frame = await open(q3);
    assert.equal(await frame.locator('#notes').inputValue(), EVERY_PLANE);
    await wb.reloadBrowser();
    frame = await open(q3);
    assert.equal(await frame.locator('#notes').inputValue(), EVERY_PLANE);
  });

  it(
    'sends a selection from views.py into the open question’s notes, ' + 'previews it with a link back to the file, and exports every note',
    async () => {
      let frame = await open(q4);
      await frame.locator('#notes').fill('My answer first.');
      await frame.waitForSelector('#status:text-is("Saved")');
      await wb.openFile('views.py');
      const editor = wb.page.locator('.editor-instance .monaco-editor').first();
      await editor.click();
      await wb.page.keyboard.press('Control+a');
      await wb.page.keyboard.press('Control+Alt+a');
      frame = await wb.pageFrame();
      await frame.waitForFunction(
        () => /```python\n[\s\S]*def index\(request\)[\s\S]*\n```/.test((document.getElementById('notes') as HTMLTextAreaElement).value),
        undefined,
        { timeout: 10000 },
      );
      const note = await frame.locator('#notes').inputValue();
      assert.ok(note.startsWith('My answer first.\n\n`views.py:1`\n\n```python\nfrom django.http import HttpResponse'), note);

      await frame.locator('#preview-mode').click();
      await frame.locator('#preview a.code-ref').waitFor();
      assert.equal(await frame.locator('#notes').isVisible(), false);
      assert.ok(await frame.locator('#preview .hljs-keyword').count(), 'the code is highlighted');
      assert.equal(await frame.locator('#preview script').count(), 0);
      await wb.command('View: Close All Editors');
      frame = await open(q4);
      await frame.locator('#preview-mode').click();
      await frame.locator('#preview a.code-ref').click();
      await wb.page.locator('.tabs-container .tab.active[aria-label^="views.py"]').waitFor({ timeout: 10000 });
      await frame.locator('#edit-mode').click();
      assert.equal(await frame.locator('#notes').isVisible(), true);

      await wb.command('Django Prep: Export Notes…');
      const input = wb.page.locator('.quick-input-widget input.input');
      await input.waitFor();
      await wb.page.keyboard.press('Enter'); // the suggested file in the workspace folder
      const file = wb.workspacePath(`${slug(bank.title)}-notes.md`);
      await wb.page.locator(`.tabs-container .tab[aria-label^="${slug(bank.title)}-notes.md"]`).waitFor({ timeout: 10000 });
      assert.ok(existsSync(file));
      const exported = readFileSync(file, 'utf8');
      assert.match(exported, new RegExp(`#+ ${q4.replace('.', '\\.')} · `));
      assert.ok(
        exported.includes('> My answer first.\n>\n> `views.py:1`\n>\n> ```python\n> from django.http import HttpResponse'),
        exported.slice(0, 600),
      );
    },
  );
});

describe('notes in global storage', function () {
  this.timeout(240000);
  const wb = useWorkbench({ settings: { 'djangoPrep.notesLocation': 'global' } });
  let other: string;

  before(() => {
    other = mkdtempSync(join(tmpdir(), 'django-prep-other-workspace-'));
  });
  after(() => rmSync(other, { recursive: true, force: true }));

  it('follow the learner into another workspace, ticks and notes alike', async () => {
    const open = (id: string) => wb.openQuestion(path.map(sectionLabel), id);
    let frame = await open(q1);
    const note = 'Written in the first workspace, read in the second.';
    await frame.locator('#notes').fill(note);
    await frame.waitForSelector('#status:text-is("Saved")');
    await frame.locator('#done').check();
    await wb.page.waitForTimeout(1500); // global storage reaches the browser's database on a timer, as workspace storage does
    await wb.openFolder(other);
    frame = await open(q1);
    assert.equal(await frame.locator('#notes').inputValue(), note);
    assert.equal(await frame.locator('#done').isChecked(), true);
  });
});

describe('notes as files in the workspace', function () {
  this.timeout(240000);
  const wb = useWorkbench({ settings: { 'djangoPrep.notesLocation': 'folder' } });

  it('keep the page and the file in step both ways', async () => {
    const frame = await wb.openQuestion(path.map(sectionLabel), q2);
    const typed = 'Typed on the page.';
    await frame.locator('#notes').click();
    await frame.locator('#notes').pressSequentially(typed, { delay: 10 });
    await frame.waitForSelector('#status:text-is("Saved")');
    const file = wb.workspacePath(`.interview-notes/django/${q2}.md`);
    for (let i = 0; i < 50 && !(existsSync(file) && readFileSync(file, 'utf8') === typed); i++) await wb.page.waitForTimeout(100);
    assert.equal(readFileSync(file, 'utf8'), typed, 'the file follows the page');

    // Edited in the editor (opened to the side of the page) and saved: the page follows.
    await wb.page.keyboard.press('Control+P');
    const quick = wb.page.locator('.quick-input-widget input.input');
    await quick.waitFor();
    await quick.fill(`${q2}.md`);
    await wb.page
      .locator('.quick-input-list .monaco-list-row')
      .filter({ hasText: `${q2}.md` })
      .first()
      .waitFor();
    await wb.page.keyboard.press('Control+Enter');
    await wb.page.locator(`.tabs-container .tab[aria-label^="${q2}.md"]`).waitFor();
    const editor = wb.page.locator('.editor-instance .monaco-editor').last();
    await editor.click();
    await wb.page.keyboard.press('Control+End');
    await wb.page.keyboard.type(' And a line from the editor.', { delay: 5 });
    await wb.page.keyboard.press('Control+S');
    const pageFrame = await wb.pageFrame();
    const expected = `${typed} And a line from the editor.`;
    try {
      await pageFrame.waitForFunction((t) => (document.getElementById('notes') as HTMLTextAreaElement).value === t, expected, {
        timeout: 10000,
      });
    } catch (err) {
      const state = {
        page: await pageFrame
          .locator('#notes')
          .inputValue()
          .catch((e: Error) => `(${e.message})`),
        file: readFileSync(file, 'utf8'),
        tabs: await wb.page
          .locator('.tabs-container .tab')
          .evaluateAll((els) => els.map((e) => `${e.getAttribute('aria-label')}${e.classList.contains('dirty') ? ' (unsaved)' : ''}`)),
        notifications: await wb.notifications(),
      };
      throw new Error(`the page did not follow the saved file: ${JSON.stringify(state)}\n${(err as Error).message}`, { cause: err });
    }
  });
});

describe('a note that cannot be written to its file', function () {
  this.timeout(240000);
  // A file stands where the notes folder goes: no note file can be written until it is moved away.
  const wb = useWorkbench({
    settings: { 'djangoPrep.notesLocation': 'folder' },
    workspaceFiles: { '.interview-notes': 'a file where the notes folder goes\n' },
  });

  it('is never shown as saved: the page says why and retries, and the note reaches its file once the folder is freed', async () => {
    const frame = await wb.openQuestion(path.map(sectionLabel), q2);
    const typed = 'Typed while the notes folder is blocked.';
    await frame.locator('#notes').click();
    await frame.locator('#notes').pressSequentially(typed, { delay: 10 });
    const status = frame.locator('#status');
    await frame.waitForSelector('#status[data-kind="error"]', { timeout: 30000 });
    assert.match(await status.innerText(), /^Not saved: .+ · retrying$/);
    await wb.waitForNotification(/The note file .*\.interview-notes\/django\/.* could not be written/);
    await wb.page.locator('.statusbar-item[aria-label^="Not saved"]').first().waitFor({ timeout: 10000 });
    await wb.page.mouse.move(0, 0);
    await wb.screenshot('note-not-saved.png');
    // Still not saved after more tries: never "Saved" while the file cannot be written.
    await wb.page.waitForTimeout(3000);
    assert.match(await status.innerText(), /^Not saved: /);

    // The folder freed: the retry writes the file, the page says Saved, the warning goes, without a reload.
    rmSync(wb.workspacePath('.interview-notes'));
    const file = wb.workspacePath(`.interview-notes/django/${q2}.md`);
    for (let i = 0; i < 150 && !(existsSync(file) && readFileSync(file, 'utf8') === typed); i++) await wb.page.waitForTimeout(100);
    assert.equal(readFileSync(file, 'utf8'), typed, 'the note is in its file');
    await frame.waitForSelector('#status:text-is("Saved")', { timeout: 15000 });
    await wb.page.locator('.statusbar-item[aria-label^="Not saved"]').first().waitFor({ state: 'hidden', timeout: 10000 });
  });
});
