// A revived page never loses a note. VS Code for the browser saves each webview's setState value
// with the workbench's UI state on a timer (about every 5 s), and its save at unload is not
// guaranteed: so a page revived after a reload may carry a draft older than the stored note, or
// no state at all. These tests type for longer than that timer without pausing and reload a
// quarter of a second after the last keystroke, as a learner would.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { Frame } from 'playwright-core';
import { leafSectionWith, sectionLabel } from './bank';
import { useWorkbench } from './workbench';

/** A section without subsections and six of its questions. */
const { section, path } = leafSectionWith(0);
const [q1, q2, q3, q4, q5, q6] = section.questions.map((q) => q.id);

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** A note of several hundred characters, every one of them distinct enough to show a lost stretch. */
function longNote(chars: number): string {
  const words = [
    'select_related',
    'prefetch_related',
    'QuerySet',
    'F()',
    'Q()',
    'annotate',
    'aggregate',
    'only()',
    'defer()',
    'iterator()',
  ];
  let s = '';
  for (let i = 0; s.length < chars; i++) s += `${i}:${words[i % words.length]} `;
  return s.slice(0, chars);
}

/** Longer than the workbench's UI-state save interval (about 5 s), so a save lands mid-typing. */
const TYPE_DELAY_MS = 14;

describe('a revived page never overwrites a newer note', function () {
  this.timeout(300000);
  const wb = useWorkbench();

  /** Opens a question of that section from the tree. */
  const open = (id: string) => wb.openQuestion(path.map(sectionLabel), id);

  /**
   * After a reload: the page VS Code revived by itself (nothing clicked), the question it shows and
   * its notes box once a stale draft, if any, has had time to do harm. Undefined when the workbench
   * brought back no editor at all: VS Code for the browser does not wait at an unload for its
   * layout to be saved, and on a loaded machine a reload soon after a long note's typing came
   * back with no tabs (seen in CI twice, never here). The note must be whole all the same: the
   * callers then read it as a learner would, from the tree.
   */
  async function revived(): Promise<{ id: string; note: string } | undefined> {
    const started = Date.now();
    let found = false;
    const noTabs = async () => {
      while (!found) {
        await wb.page.waitForTimeout(1000);
        if (await wb.page.$('.tabs-container .tab')) continue;
        if (Date.now() - started > 30000) return undefined;
      }
      return undefined;
    };
    const frame = await Promise.race([wb.pageFrame(60000), noTabs()]).finally(() => (found = true));
    if (!frame) {
      console.log(`      the workbench brought back no editor (${Date.now() - started} ms); the note is opened from the tree`);
      return undefined;
    }
    console.log(`      the page came back ${Date.now() - started} ms after the workbench did`);
    await wb.page.waitForTimeout(1500);
    const id = (await frame.getAttribute('#page', 'data-question-id')) ?? '';
    return { id, note: await frame.locator('#notes').inputValue() };
  }

  /** The note after a reload: on the page VS Code revived (which must show `id`), else opened from the tree. */
  async function afterReload(id: string): Promise<string> {
    const page = await revived();
    if (!page) return (await open(id)).locator('#notes').inputValue();
    assert.equal(page.id, id, 'the revived page shows the question it showed');
    return page.note;
  }

  /** The note as stored: opened afresh from the tree after closing every page. */
  async function stored(id: string): Promise<string> {
    await wb.command('View: Close All Editors');
    const frame = await open(id);
    return frame.locator('#notes').inputValue();
  }

  async function typeThenReload(frame: Frame, text: string): Promise<void> {
    await frame.locator('#notes').click();
    await frame.locator('#notes').press('Control+End');
    await frame.locator('#notes').pressSequentially(text, { delay: TYPE_DELAY_MS });
    await wb.page.waitForTimeout(250);
    await wb.reloadBrowser();
  }

  function assertSame(actual: string, expected: string, where: string): void {
    if (actual === expected) return;
    assert.fail(`${where}: ${actual.length} of ${expected.length} characters (first 80: ${JSON.stringify(actual.slice(0, 80))})`);
  }

  it(
    'keeps a note of several hundred characters typed without pausing, ' +
      'through a reload 250 ms after the last keystroke and a second reload',
    async () => {
      const note = longNote(480);
      const frame = await open(q1);
      await typeThenReload(frame, note);
      assertSame(await afterReload(q1), note, 'after the reload');
      await wb.reloadBrowser();
      assertSame(await afterReload(q1), note, 'after a second reload');
      assertSame(await stored(q1), note, 'in storage');
    },
  );

  it('keeps a 150,000-character note typed on without pausing, through two reloads', async () => {
    const base = longNote(150_000);
    const tail = longNote(360).replace(/\d+:/g, '#');
    let frame = await open(q2);
    await frame.locator('#notes').fill(base);
    await frame.waitForSelector('#status:text-is("Saved")', { timeout: 60000 });
    await typeThenReload(frame, tail);
    const note = base + tail;
    let shown = await afterReload(q2);
    assert.equal(shown.length, note.length, 'after the reload');
    assert.equal(sha(shown), sha(note));
    await wb.reloadBrowser();
    shown = await afterReload(q2);
    assert.equal(shown.length, note.length, 'after a second reload');
    assert.equal(sha(shown), sha(note));
    frame = await open(q2);
    assert.equal(sha(await frame.locator('#notes').inputValue()), sha(note), 'in storage');
  });

  it('lands a revived page on the question it showed last, whatever state the workbench saved for it', async () => {
    // The workbench saves the layout, with each page's state, on a timer: a reload a moment after
    // the page moved on to another question revives it with the state of the one before (or, for
    // a page new since the last save, with none).
    await open(q3);
    await wb.page.waitForTimeout(6000); // a layout with the page in it is saved
    for (const id of [q4, q5, q6]) {
      await open(id);
      await wb.reloadBrowser();
      const frame = await wb.pageFrame(30000);
      assert.equal(await frame.getAttribute('#page', 'data-question-id'), id, `the page that showed ${id} came back on another question`);
    }
  });
});
