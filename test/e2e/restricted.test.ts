// Restricted Mode as a learner meets it: a folder opened without trusting its authors, whose own
// settings name a bank file outside it. The study view is there and works; the view and a
// notification say the workspace's bank file waits for trust; trusting the folder from that
// notification shows that bank at once, without a reload.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useWorkbench } from './workbench';

const outside = mkdtempSync(join(tmpdir(), 'django-prep-outside-'));
const BANK = join(outside, 'bank.md');
writeFileSync(BANK, '# Outside\n\n## Outside the folder\n\n### 1. Where does this bank live?\n\nOutside the workspace folder.\n');

describe('a folder not trusted (Restricted Mode)', function () {
  this.timeout(180000);
  const wb = useWorkbench({ trust: false, workspaceSettings: { 'djangoPrep.bankFile': BANK } });
  after(() => rmSync(outside, { recursive: true, force: true }));

  it('shows the study view, says the workspace’s bank file waits for trust, and follows it once trusted', async () => {
    await wb.page.locator('.statusbar [aria-label*="Restricted Mode"]').first().waitFor({ timeout: 20000 });
    await wb.openView();
    await wb.row(/^1\. Django Fundamentals/).waitFor();
    const message = wb.page.locator('.pane:has(.pane-header[aria-label*="Questions"]) .message').first();
    await message.waitFor({ timeout: 20000 });
    assert.match(
      await message.innerText(),
      /Restricted Mode: this workspace’s djangoPrep\.bankFile is ignored until you trust the folder\./,
    );
    await wb.waitForNotification(/Restricted Mode, so its own djangoPrep\.bankFile is ignored/);
    await wb.page.mouse.move(0, 0);
    await wb.screenshot('restricted-mode.png');

    // The notification's button opens the trust editor; "Trust" there, and the bank follows.
    await wb.page.locator('.notification-toast').getByRole('button', { name: 'Manage Workspace Trust' }).click();
    await wb.page.locator('.workspace-trust-editor').getByRole('button', { name: 'Trust', exact: true }).click({ timeout: 30000 });
    await wb.closeEditors();
    await wb.openView(/^Outside the folder/);
    await wb.row(/^Outside the folder/).waitFor({ timeout: 20000 });
    assert.equal(await message.isVisible(), false, 'the message is gone');
  });
});
