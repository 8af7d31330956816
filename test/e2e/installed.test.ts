// The packaged extension: the .vsix that vsce builds (what .vscodeignore lets through), installed
// into code-server with --install-extension, runs the study loop. A file left out of the package
// (the bundle, the worker, the bank cache, the page's script or styles) fails here.
import assert from 'node:assert/strict';
import { entries, sectionLabel } from './bank';
import { useWorkbench } from './workbench';

const target = entries[2];

describe('the installed .vsix', function () {
  this.timeout(300000);
  const wb = useWorkbench({ installed: true });

  it('is installed from the package, not linked to this checkout', () => {
    assert.ok(wb.vsix?.endsWith('.vsix'));
  });

  it('shows the bank, opens a question page and keeps a note through a reload', async () => {
    await wb.openView();
    const frame = await wb.openQuestion(target.path.map(sectionLabel), target.question.id);
    assert.ok(((await frame.locator('#question').textContent()) ?? '').length > 10, 'the question is shown');
    const note = 'Installed from the .vsix: the page script, styles and codicons are all there.';
    await frame.locator('#notes').click();
    await frame.locator('#notes').pressSequentially(note, { delay: 5 });
    await frame.waitForSelector('#status:text-is("Saved")');
    const codiconFont = await frame.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'codicon').map((f) => f.status);
    });
    assert.deepEqual(codiconFont, ['loaded'], 'the codicon font came from the package');
    await wb.reloadBrowser();
    const again = await wb.openQuestion(target.path.map(sectionLabel), target.question.id);
    assert.equal(await again.locator('#notes').inputValue(), note);
  });
});
