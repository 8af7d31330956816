import assert from 'node:assert/strict';
import { resolveBankSetting, settingValueFor } from '../../../src/source/setting';

describe('the bank-file setting', () => {
  it('resolves a path relative to the workspace folder, an absolute one as is, and empty to the bundled bank', () => {
    assert.equal(resolveBankSetting('banks/react.md', '/w'), '/w/banks/react.md');
    assert.equal(resolveBankSetting(' /abs/bank.md ', '/w'), '/abs/bank.md');
    assert.equal(resolveBankSetting('', '/w'), undefined);
    assert.equal(resolveBankSetting('   ', '/w'), undefined);
    assert.equal(resolveBankSetting(42, '/w'), undefined);
    assert.equal(resolveBankSetting('relative.md', undefined), undefined, 'no folder to be relative to');
  });

  it('writes a file inside the workspace folder relative to it, one outside absolute', () => {
    assert.equal(settingValueFor('/w/banks/react.md', '/w'), 'banks/react.md');
    assert.equal(settingValueFor('/elsewhere/bank.md', '/w'), '/elsewhere/bank.md');
    assert.equal(settingValueFor('/w2/bank.md', '/w'), '/w2/bank.md', 'a sibling folder with the same prefix is outside');
  });
});
