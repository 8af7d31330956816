// Hostile and broken banks in a real VS Code: nothing runs, nothing navigates, and a bank that
// cannot be used says so by name instead of leaving a blank view.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { parseBank } from '../../src/bank/parse';
import { listQuestions } from '../../src/bank/model';
import { Workbench, ROOT } from './workbench';

const HOSTILE = join(ROOT, 'test/fixtures/hostile-bank.md');

async function pwned(frame: Frame): Promise<string | undefined> {
  return frame.evaluate(() => document.body.dataset.pwned ?? (window as unknown as { pwned?: string }).pwned);
}

describe('a hostile bank in the real webview', function () {
  this.timeout(180000);
  const wb = new Workbench({ bankFile: HOSTILE });
  const questions = listQuestions(parseBank(readFileSync(HOSTILE, 'utf8'))).map((e) => e.question);

  before(async () => {
    await wb.start();
    await wb.openView();
    await wb.expand(/^1\. Injection/);
  });
  after(async () => {
    await wb.stop();
  });

  it('shows every question as the characters written, and no script runs', async () => {
    for (const q of questions) {
      await wb.row(new RegExp(`^${q.id.replace('.', '\\.')} `)).click();
      const frame = await wb.pageFrame();
      await frame.waitForSelector(`#page[data-question-id="${q.id}"]`);
      assert.equal((await frame.locator('#question').textContent())?.trim(), q.text, `question ${q.id} shows its plain text`);
      assert.equal(
        await frame.locator('#question script, #question img, #question iframe, #question style, #details script, #details div').count(),
        0,
      );
      if (q.details) {
        assert.equal((await frame.locator('#details').innerText()).replace(/\s+/g, ' ').trim(), q.details.replace(/\s+/g, ' ').trim());
        await frame.locator('#details').hover();
      }
      await frame.locator('#question').hover();
      assert.equal(await pwned(frame), undefined, `nothing ran on ${q.id}`);
    }
  });

  it('keeps a very long word inside the page', async () => {
    await wb.row(/^1\.7 /).click();
    const frame = await wb.pageFrame();
    await frame.waitForSelector('#page[data-question-id="1.7"]');
    const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `the page does not scroll sideways (${overflow}px)`);
  });

  it('drops javascript: and command: links, and opens a web link only through VS Code with a confirmation', async () => {
    await wb.row(/^1\.4 /).click();
    const frame = await wb.pageFrame();
    await frame.waitForSelector('#page[data-question-id="1.4"]');
    const url = frame.url();
    assert.equal(await frame.locator('#question a').count(), 1, 'only the https link is a link');
    await frame.locator('#question .link-dropped', { hasText: 'js' }).click();
    await frame.locator('#question .link-dropped', { hasText: 'cmd' }).click();
    await wb.page.waitForTimeout(500);
    assert.equal(await pwned(frame), undefined);
    assert.equal(frame.url(), url, 'the page did not navigate');
    assert.equal(await wb.page.locator('.monaco-workbench').count(), 1, 'the window is still open');

    await frame.locator('#question a', { hasText: 'web' }).click();
    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 15000 });
    assert.match((await dialog.textContent()) ?? '', /docs\.djangoproject\.com/);
    await wb.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(frame.url(), url);
  });
});

describe('broken banks in a real VS Code', function () {
  this.timeout(180000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'django-prep-broken-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function withBank(file: string, check: (wb: Workbench) => Promise<void>): Promise<void> {
    const wb = new Workbench({ bankFile: file });
    try {
      await wb.start();
      await wb.showViewContainer();
      await check(wb);
    } finally {
      await wb.stop();
    }
  }

  it('names a bank that cannot be read and shows a welcome message, not a blank view', async () => {
    const missing = join(dir, 'missing-bank.md');
    await withBank(missing, async (wb) => {
      await wb.page.getByText('The question bank could not be read.').waitFor();
      await wb.waitForNotification(new RegExp(`Cannot read question bank .*missing-bank\\.md: the file does not exist`));
    });
  });

  it('says an empty bank has no questions', async () => {
    const empty = join(dir, 'empty-bank.md');
    writeFileSync(empty, '');
    await withBank(empty, async (wb) => {
      await wb.page.getByText('The question bank has no questions.').waitFor();
      await wb.waitForNotification(/empty-bank\.md: 1 problem; the first, at line 1: no questions found/);
    });
  });

  it('says a bank that is an index of links has no questions, and why', async () => {
    const links = join(dir, 'links-bank.md');
    writeFileSync(links, '# Questions\n\n## Table of Contents\n\n1. [HTML](html.md)\n1. [CSS](css.md) (external link)\n');
    await withBank(links, async (wb) => {
      await wb.page.getByText('No questions found: the question bank looks like a list of links').waitFor();
      await wb.page.locator('.welcome-view-content a', { hasText: 'the bank format' }).waitFor();
      await wb.waitForNotification(/links-bank\.md: 1 problem; the first, at line 1: no questions found: it looks like a list of links/);
    });
  });

  it('loads what it can of a bank with binary bytes and names the line', async () => {
    const binary = join(dir, 'binary-bank.md');
    writeFileSync(
      binary,
      Buffer.concat([Buffer.from('# B\n\n## Good\n\n- a readable question\n\n'), Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80])]),
    );
    await withBank(binary, async (wb) => {
      await wb.waitForNotification(/binary-bank\.md: 2 problems; the first, at line 7: .*not valid UTF-8/);
      await wb.openView(/^Good, 0 of 1 done$/);
    });
  });
});
