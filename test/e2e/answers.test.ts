// A real public bank (questions as headings, answers hidden in <details>) in a real VS Code: the
// tree shows its questions and the page keeps the bank's answer hidden until the learner asks.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBank } from '../../src/bank/parse';
import { listQuestions } from '../../src/bank/model';
import { escapeRegExp, questionRow, sectionLabel } from './bank';
import { useWorkbench, ROOT } from './workbench';

const FILE = join(ROOT, 'test/fixtures/realbanks/javascript-questions__README.md');
const bank = parseBank(readFileSync(FILE, 'utf8'));
const [first, second] = listQuestions(bank);

describe('a bank with answers', function () {
  this.timeout(180000);
  const wb = useWorkbench({ bankFile: FILE });

  it('shows the answer only when asked, from the keyboard too, and hides it again for the next question', async () => {
    await wb.openView(new RegExp(`^${escapeRegExp(bank.sections[0].title)}, `));
    const frame = await wb.openQuestion(first.path.map(sectionLabel), first.question.id);
    // Its ids are made from the section's title ("javascript-questions.1"): the tree and the
    // page's tab show the number, the title being right above it.
    assert.match(first.question.id, /^[a-z-]+\.1$/);
    assert.equal(await wb.row(questionRow(first.question.id)).locator('.label-description').textContent(), '#1');
    assert.equal(await wb.page.locator(`.tabs-container .tab[aria-label^="#1 "]`).count(), 1);
    assert.match(await frame.locator('#position').innerText(), /^#1 · 1 of \d+$/, 'and the page');
    const answer = frame.locator('#answer');
    const button = frame.locator('#show-answer');
    assert.equal(await answer.isVisible(), false, 'hidden at first');
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    assert.match(await frame.locator('#details').innerText(), /A: Lydia and undefined/, 'the options are shown as details');
    assert.ok(await frame.locator('#details pre code[data-lang="javascript"]').count(), 'the question’s code, with its language');
    assert.equal(
      await frame.locator('#details pre code .hljs-keyword', { hasText: 'function' }).count(),
      1,
      'highlighted: `function` is a keyword',
    );
    const keywordColour = await frame
      .locator('#details .hljs-keyword')
      .first()
      .evaluate((el) => getComputedStyle(el).color);
    const plainColour = await frame
      .locator('#details pre code')
      .first()
      .evaluate((el) => getComputedStyle(el).color);
    assert.notEqual(keywordColour, plainColour, 'in a colour of the theme');
    await button.focus();
    await wb.page.keyboard.press('Enter');
    await answer.waitFor({ state: 'visible' });
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    const shown = (await answer.innerText()).replace(/\s+/g, ' ');
    assert.ok(shown.startsWith('Answer: D'), shown.slice(0, 80));
    assert.equal(shown.trim(), first.question.answer.replace(/\s+/g, ' ').trim());
    assert.equal(await answer.locator('script, img, iframe').count(), 0);
    await wb.page.mouse.move(0, 0);
    await wb.screenshot('answer-shown.png');
    await button.click();
    await answer.waitFor({ state: 'hidden' });
    await button.click();
    await answer.waitFor({ state: 'visible' });
    await frame.locator('#next').click();
    await frame.waitForSelector(`#page[data-question-id="${second.question.id}"]`);
    assert.equal(await answer.isVisible(), false, 'the next question’s answer starts hidden');
    await wb.row(questionRow(first.question.id)).waitFor();
  });
});

describe('a bank file of the learner’s own', function () {
  this.timeout(180000);
  const wb = useWorkbench();
  const text = [
    '# Interview',
    '',
    '## Topic',
    '',
    '### 1. What is a QuerySet?',
    '',
    'A lazy query: nothing runs until you iterate.',
    '',
    '### 2. What is a manager?',
    '',
    'The door to the table.',
    '',
  ].join('\n');

  before(() => writeFileSync(wb.workspacePath('interview.md'), text));

  it('is chosen from the workspace, its answer revealed, and the tree follows an edit saved in the editor', async () => {
    await wb.openView();
    await wb.command('Django Prep: Choose Question Bank…');
    const input = wb.page.locator('.quick-input-widget input.input');
    await input.fill('interview.md');
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'interview.md' }).first().waitFor();
    await wb.page.keyboard.press('Enter');
    await wb.waitForRow(/^Topic, 0 of 2 done$/);
    const frame = await wb.openQuestion([/^Topic, /], 'topic.1');
    await frame.locator('#show-answer').click();
    await frame.locator('#answer').waitFor({ state: 'visible' });
    assert.equal((await frame.locator('#answer').innerText()).trim(), 'A lazy query: nothing runs until you iterate.');

    // Reveal in Bank File, from the page's title bar menu, then an edit saved in the editor.
    await wb.command('Django Prep: Reveal in Bank File');
    const editor = wb.page.locator('.editor-instance .monaco-editor').first();
    await editor.waitFor();
    await wb.page.locator('.tabs-container .tab[aria-label^="interview.md"]').waitFor();
    await editor.click();
    await wb.page.keyboard.press('Control+End');
    await wb.page.keyboard.type('\n### 3. What is a signal?\n\nA hook.\n', { delay: 5 });
    await wb.page.keyboard.press('Control+S');
    await wb.waitForRow(/^Topic, 0 of 3 done$/, 10000);
    await wb.waitForRow(questionRow('topic.3'));
    await wb.command('Django Prep: Show Bank Problems');
    await wb.waitForNotification(/interview\.md has no problems/);

    // A problem appears where the author looks: the Problems panel, from Show Bank Problems.
    await editor.click();
    await wb.page.keyboard.press('Control+End');
    await wb.page.keyboard.type('\n### 3. What is a signal, again?\n', { delay: 5 });
    await wb.page.keyboard.press('Control+S');
    await wb.page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 10000 }); // the squiggle at the line
    await wb.command('Django Prep: Show Bank Problems');
    await wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'already used' }).first().waitFor({ timeout: 10000 });
  });
});

describe('cards of the learner’s own', function () {
  this.timeout(180000);
  const wb = useWorkbench();
  const csv = [
    'Question,Answer,Tags',
    '"What is a QuerySet?","A lazy query:\nnothing runs until you iterate.",orm',
    'What is a view?,A callable that returns a response,views',
  ].join('\r\n');

  before(() => writeFileSync(wb.workspacePath('cards.csv'), csv));

  it('opens a CSV of cards as a bank, its answer hidden until asked, and exports the bank to Anki', async () => {
    await wb.openView();
    await wb.command('Django Prep: Choose Question Bank…');
    const input = wb.page.locator('.quick-input-widget input.input');
    await input.fill('cards.csv');
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'cards.csv' }).first().waitFor();
    await wb.page.keyboard.press('Enter');
    await wb.waitForRow(/^orm, 0 of 1 done$/);
    await wb.waitForRow(/^views, 0 of 1 done$/);
    const frame = await wb.openQuestion([/^orm, /], 'orm.1');
    assert.equal(await frame.locator('#answer').isVisible(), false, 'the answer waits');
    await frame.locator('#show-answer').click();
    await frame.locator('#answer').waitFor({ state: 'visible' });
    assert.equal((await frame.locator('#answer').innerText()).trim(), 'A lazy query:\nnothing runs until you iterate.');
    await frame.locator('#notes').fill('Evaluated on iteration, slicing with a step, len(), list().');
    await frame.waitForSelector('#status:text-is("Saved")');

    const target = wb.workspacePath('cards-anki.txt');
    await wb.command('Django Prep: Export to Anki…');
    // The workbench's own save dialog: it fills in a path first, then takes a typed one.
    await input.waitFor();
    await wb.page.waitForFunction(
      () => ((document.querySelector('.quick-input-widget input.input') as HTMLInputElement | null)?.value ?? '') !== '',
    );
    for (let attempt = 0; attempt < 5; attempt++) {
      await input.fill(target);
      await wb.page.waitForTimeout(200);
      if ((await input.inputValue()) === target) break;
    }
    await wb.page.keyboard.press('Enter');
    await wb.waitForNotification(/Exported 2 questions to cards-anki\.txt/);
    const text = readFileSync(target, 'utf8');
    assert.match(text, /^#separator:tab\n#html:true\n#notetype:Basic\n/);
    assert.match(text, /<hr><pre class="plain">Evaluated on iteration|<hr><p>Evaluated on iteration/, 'the note on the back');
    assert.equal(
      text
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('#')).length,
      2,
    );
  });
});
