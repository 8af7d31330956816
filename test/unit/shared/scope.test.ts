// Which value of a path setting a window follows, and what it is relative to (shared/scope.ts).
import assert from 'node:assert/strict';
import { chooseScoped } from '../../../src/shared/scope';

describe('the path settings’ scope', () => {
  it('takes a single folder’s own value relative to that folder', () => {
    assert.deepEqual(chooseScoped({ workspaceValue: ' bank.md ', folders: [{ folder: 'A', value: 'bank.md' }], globalValue: '/u.md' }), {
      value: 'bank.md',
      base: 'A',
      from: 'folder',
    });
  });

  it('takes the workspace file’s value first, relative to the folder that holds the file', () => {
    const v = { workspaceValue: 'a/bank.md', folders: [{ folder: 'A' }, { folder: 'B', value: 'b.md' }], workspaceFileFolder: 'W' };
    assert.deepEqual(chooseScoped(v), { value: 'a/bank.md', base: 'W', from: 'workspace' });
  });

  it('takes an unsaved multi-root workspace’s value relative to its first folder', () => {
    assert.deepEqual(chooseScoped({ workspaceValue: 'x.md', folders: [{ folder: 'A' }, { folder: 'B' }] }), {
      value: 'x.md',
      base: 'A',
      from: 'workspace',
    });
  });

  it('else the first folder, in order, that sets it, relative to that folder', () => {
    const v = {
      folders: [{ folder: 'A' }, { folder: 'B', value: 'b.md' }, { folder: 'C', value: 'c.md' }],
      globalValue: '/u.md',
      workspaceFileFolder: 'W',
    };
    assert.deepEqual(chooseScoped(v), { value: 'b.md', base: 'B', from: 'folder' });
  });

  it('else the user’s value, else the default, relative to the first folder', () => {
    assert.deepEqual(chooseScoped({ folders: [{ folder: 'A' }, { folder: 'B' }], globalValue: 'u.md', workspaceFileFolder: 'W' }), {
      value: 'u.md',
      base: 'A',
      from: 'user',
    });
    assert.deepEqual(chooseScoped({ folders: [], defaultValue: '' }), { value: '', base: undefined, from: 'default' });
  });

  it('treats a blank or non-string value as not set', () => {
    const v = {
      workspaceValue: '   ',
      folders: [
        { folder: 'A', value: 42 },
        { folder: 'B', value: 'b.md' },
      ],
    };
    assert.deepEqual(chooseScoped(v), { value: 'b.md', base: 'B', from: 'folder' });
  });
});
