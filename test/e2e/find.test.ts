// Finding what to study in a real VS Code: the search, the filters, Next Undone and Random, a
// tree that follows the page, the status bar, sections kept expanded, and how fast a page opens
// next to VS Code's own Markdown preview.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { bank, countOf, entries, questionRow, sectionLabel, undoneIn } from './bank';
import { useWorkbench } from './workbench';

const first = bank.sections[0];
const total = entries.length;
const markedDone = entries.filter((e) => e.question.done).length;

describe('finding what to study', function () {
  this.timeout(180000);
  const wb = useWorkbench();
  beforeEach(async () => {
    await wb.command('Django Prep: Filter Questions…');
    await wb.pickQuick('All');
    // The tree follows the page: after Random it may be scrolled far down. Collapsed, it starts at the top.
    await wb.showViewContainer();
    await wb.collapseAll();
    await wb.openView();
    await wb.viewDescription(`${markedDone}/${total}`);
  });

  /** Polls until the check passes (the tree re-renders a moment after its data changed). */
  async function eventually(check: () => Promise<void>, timeoutMs = 10000): Promise<void> {
    const start = Date.now();
    for (;;) {
      try {
        return await check();
      } catch (err) {
        if (Date.now() - start > timeoutMs) throw err;
        await wb.page.waitForTimeout(200);
      }
    }
  }

  const selectedRow = () => wb.view.locator('.monaco-list-row.selected').first();
  const statusItem = () => wb.page.locator('.statusbar-item[aria-label^="Interview questions:"]').first();

  it(
    'searches from the view’s title bar, with a question selected: ' + '“csrf” lists the CSRF questions first, and the tree follows',
    async () => {
      await wb.expand(sectionLabel(first));
      await wb.row(questionRow(first.questions[0].id)).click(); // a selected question must not be what the button opens
      await wb.command('View: Close All Editors');
      const header = wb.page.locator('.part.sidebar');
      await header.hover();
      await header.locator('.action-label.codicon-go-to-file:visible').first().click();
      const input = wb.page.locator('.quick-input-widget input.input');
      await input.waitFor();
      assert.equal(await wb.page.locator('.quick-input-title').first().textContent(), 'Open Question');
      await input.fill('csrf');
      const named = entries.filter((e) => /csrf/i.test(e.question.text));
      const rows = wb.page.locator('.quick-input-list .monaco-list-row');
      // The results replace the whole list a moment after the keystroke.
      await wb.page.waitForFunction(
        () => /csrf/i.test(document.querySelector('.quick-input-list .monaco-list-row')?.getAttribute('aria-label') ?? ''),
        undefined,
        { timeout: 10000 },
      );
      const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      for (const label of labels.slice(0, named.length))
        assert.match(label, /csrf/i, `a CSRF question first: ${labels.slice(0, named.length + 1).join(' | ')}`);
      await wb.screenshot('search.png');
      const firstId = /(\S+\.\d+)/.exec(labels[0])?.[1] ?? '';
      assert.ok(
        named.some((e) => e.question.id === firstId),
        `the first row is a CSRF question: ${labels[0]}`,
      );
      await wb.page.keyboard.press('Enter');
      const frame = await wb.pageFrame();
      const shown = await wb.pageQuestionId();
      assert.ok(
        named.some((e) => e.question.id === shown),
        `a CSRF question opened (${shown}; first row ${firstId})`,
      );
      assert.equal(await frame.evaluate(() => document.activeElement?.id), 'notes', 'the notes box has the focus');
      await wb.page.waitForFunction((id) => !!document.querySelector(`.monaco-list-row.selected[aria-label^="${id} "]`), shown, {
        timeout: 10000,
      });
      // Next on the page: the tree's selection moves with it.
      const next = entries[entries.findIndex((e) => e.question.id === shown) + 1].question.id;
      await frame.locator('#next').click();
      await frame.waitForSelector(`#page[data-question-id="${next}"]`);
      await wb.page.waitForFunction((id) => !!document.querySelector(`.monaco-list-row.selected[aria-label^="${id} "]`), next, {
        timeout: 10000,
      });
      assert.match((await selectedRow().getAttribute('aria-label')) ?? '', new RegExp(`^${next.replace('.', '\\.')} `));
    },
  );

  it('filters the tree: not done, done, with notes, each saying how many match', async () => {
    const [a] = undoneIn(first, 1);
    const noted = undoneIn(first, 2)[1];
    const frame = await wb.openQuestion([sectionLabel(first)], noted.id);
    await frame.locator('#notes').fill('A note, so the question carries the mark.');
    await frame.waitForSelector('#status:text-is("Saved")');
    await wb.command('View: Close All Editors');
    const rowsOf = async () =>
      wb.view.locator('.monaco-list-row[aria-label]').evaluateAll((els) =>
        els.map((e) => ({
          label: e.getAttribute('aria-label') ?? '',
          checked: e.querySelector('[role="checkbox"]')?.getAttribute('aria-checked'),
        })),
      );

    await wb.command('Django Prep: Filter Questions…');
    await wb.pickQuick('Not done');
    await wb.viewDescription(`Not done: ${total - markedDone} of ${total}`);
    await wb.expand(sectionLabel(first));
    await wb.waitForRow(questionRow(a.id));
    await eventually(async () => {
      const undoneRows = (await rowsOf()).filter((r) => r.checked === 'true' || r.checked === 'false');
      assert.ok(
        undoneRows.length > 0 && undoneRows.every((r) => r.checked === 'false'),
        `only questions not done: ${JSON.stringify(undoneRows)}`,
      );
    });
    assert.ok(
      (await rowsOf()).some((r) => r.label.startsWith(`${first.title}, ${countOf(first).done} of ${countOf(first).total} done`)),
      'the section count stays whole',
    );

    await wb.command('Django Prep: Filter Questions…');
    await wb.pickQuick('Done');
    await wb.viewDescription(`Done: ${markedDone} of ${total}`);
    await wb.expand(sectionLabel(first));
    await eventually(async () => {
      const doneRows = (await rowsOf()).filter((r) => r.checked === 'true' || r.checked === 'false');
      assert.ok(doneRows.length > 0 && doneRows.every((r) => r.checked === 'true'), `only questions done: ${JSON.stringify(doneRows)}`);
    });

    await wb.command('Django Prep: Filter Questions…');
    await wb.pickQuick('With notes');
    await wb.viewDescription(`With notes: 1 of ${total}`);
    await wb.expand(sectionLabel(first));
    await wb.waitForRow(questionRow(noted.id));
    await eventually(async () => {
      const notedRows = (await rowsOf()).filter((r) => r.checked === 'true' || r.checked === 'false');
      assert.deepEqual(
        notedRows.map((r) => r.label.split(' ')[0]),
        [noted.id],
      );
      assert.match(notedRows[0].label, /with notes$/);
    });
    assert.equal(await wb.row(questionRow(noted.id)).locator('.codicon-note').count(), 1, 'the note mark');
  });

  it('puts a question in a new study set from its context menu, and the tree shows the set', async () => {
    const [a, b] = undoneIn(first, 2);
    await wb.command('Django Prep: Filter Questions…');
    await wb.pickQuick('All');
    await wb.openView(sectionLabel(first));
    await wb.expand(sectionLabel(first));
    await wb.contextMenu(questionRow(a.id), 'Add to Study Set…');
    const input = wb.page.locator('.quick-input-widget input.input');
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'New Study Set…' }).first().click();
    await wb.page.locator('.quick-input-widget', { hasText: 'A name for the set' }).waitFor();
    await input.fill('   ');
    await wb.page.locator('.quick-input-widget .quick-input-message', { hasText: 'A study set needs a name.' }).waitFor();
    await input.fill('ORM');
    await wb.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
    await wb.command('Django Prep: Filter Questions…');
    await wb.pickQuick('Study set: ORM');
    await wb.viewDescription(`Study set: ORM: 1 of ${total}`);
    await wb.expand(sectionLabel(first));
    await wb.waitForRow(questionRow(a.id));
    assert.equal(await wb.row(questionRow(b.id)).count(), 0, 'a question outside the set is not shown');
    await wb.command('Django Prep: Filter Questions…');
    await wb.pickQuick('All');
    await wb.viewDescription(`${markedDone}/${total}`);
  });

  it('moves on to an undone question with Next Undone (Ctrl+Alt+N) and Random', async () => {
    const start = entries.find((e) => e.question.done)!;
    const frame = await wb.openQuestion(start.path.map(sectionLabel), start.question.id);
    const expected = entries.slice(entries.indexOf(start) + 1).find((e) => !e.question.done)!.question.id;
    await frame.locator('#notes').focus();
    await wb.page.keyboard.press('Control+Alt+n');
    await frame.waitForSelector(`#page[data-question-id="${expected}"]`);
    assert.equal(await frame.locator('#done').isChecked(), false);
    for (let i = 0; i < 3; i++) {
      await wb.command('Django Prep: Random Question');
      await wb.page.waitForTimeout(300);
      const f = await wb.pageFrame();
      await f.waitForSelector('#page[aria-busy="false"]');
      assert.equal(await f.locator('#done').isChecked(), false, 'an undone question');
    }
  });

  it('shows progress in the status bar, following a tick, and keeps expanded sections through a reload', async () => {
    await statusItem().waitFor();
    assert.match((await statusItem().textContent()) ?? '', new RegExp(`${markedDone}/${total}`));
    const [q] = undoneIn(bank.sections[1].sections.length ? bank.sections[2] : bank.sections[1], 1);
    const section = entries.find((e) => e.question.id === q.id)!.path;
    for (const s of section) await wb.expand(sectionLabel(s));
    await wb.checkbox(questionRow(q.id)).click();
    await wb.page.waitForFunction(
      (t) => [...document.querySelectorAll('.statusbar-item')].some((e) => (e.textContent ?? '').includes(t)),
      `${markedDone + 1}/${total}`,
    );
    await wb.checkbox(questionRow(q.id)).click();
    await wb.page.waitForTimeout(1000);
    await wb.reloadBrowser();
    await wb.openView();
    await wb.waitForRow(questionRow(q.id));
    assert.equal(await wb.row(sectionLabel(section[0])).getAttribute('aria-expanded'), 'true', 'still expanded');
    await statusItem().click();
  });

  it('opens a question page about as fast as VS Code opens its own Markdown preview', async () => {
    const e = entries[3];
    const text = [`# ${e.question.text}`, '', e.question.details || 'Details.', '', '## Notes', '', 'Some notes '.repeat(40)].join('\n');
    writeFileSync(wb.workspacePath('similar.md'), text);
    await wb.openFile('similar.md');
    // From the keystroke (Ctrl+K V), as the page is timed from the click.
    await wb.page.locator('.editor-instance .monaco-editor').first().click();
    let started = Date.now();
    await wb.page.keyboard.press('Control+k');
    await wb.page.keyboard.press('v');
    for (;;) {
      const found = await Promise.all(
        wb.page.frames().map(async (f) => ((await f.$('.markdown-body h1, body.vscode-body h1').catch(() => null)) ? f : undefined)),
      );
      if (found.some(Boolean)) break;
      if (Date.now() - started > 30000) throw new Error('the preview did not render');
      await wb.page.waitForTimeout(25);
    }
    const previewMs = Date.now() - started;
    await wb.command('View: Close All Editors');
    await wb.openFile('similar.md');
    await wb.openView();
    await wb.expand(sectionLabel(e.path[0]));
    started = Date.now();
    await wb.row(questionRow(e.question.id)).click();
    const frame = await wb.pageFrame();
    await frame.locator('#notes:not([disabled])').waitFor();
    const pageMs = Date.now() - started;
    console.log(`      question page ${pageMs} ms, Markdown preview ${previewMs} ms: ratio ${(pageMs / previewMs).toFixed(2)}`);
    assert.ok(pageMs > 0 && previewMs > 0);
  });

  it('offers a walkthrough of the first steps', async () => {
    await wb.page.keyboard.press('F1');
    const input = wb.page.locator('.quick-input-widget input.input');
    await input.fill('>Welcome: Open Walkthrough');
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Walkthrough' }).first().waitFor();
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.quick-input-widget input.input[placeholder^="Select a walkthrough"]').waitFor();
    await input.fill('Study for a Django interview');
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Study for a Django interview' }).first().click();
    for (const step of [
      'Open the questions',
      'Open a question and write a note',
      'Tick it done',
      'Review it before you forget',
      'Choose another bank',
    ]) {
      await wb.page.locator('.getting-started-step .step-title', { hasText: step }).first().waitFor({ timeout: 15000 });
    }
  });
});
