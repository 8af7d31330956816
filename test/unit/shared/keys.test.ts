// The one table of storage keys (shared/keys.ts): each key built there reads back as what it names.
import assert from 'node:assert/strict';
import { isStudyKey, keys, parseKey } from '../../../src/shared/keys';

describe('the storage keys', () => {
  it('reads back every key it builds, question ids with a slash included', () => {
    assert.deepEqual(parseKey(keys.progress('django')), { kind: 'progress', bankId: 'django' });
    assert.deepEqual(parseKey(keys.shown('file-ab')), { kind: 'shown', bankId: 'file-ab' });
    assert.deepEqual(parseKey(keys.note('django', 'a/b.1')), { kind: 'note', bankId: 'django', rest: 'a/b.1' });
    assert.deepEqual(parseKey(keys.review('django', '2B.7')), { kind: 'review', bankId: 'django', rest: '2B.7' });
    assert.deepEqual(parseKey(keys.mock('django', 'run-1')), { kind: 'mock', bankId: 'django', rest: 'run-1' });
    assert.deepEqual(parseKey(keys.conflict('django', '5-1-w')), { kind: 'conflict', bankId: 'django', rest: '5-1-w' });
    assert.equal(parseKey(keys.aside(5, keys.note('django', '1.1')))?.kind, 'aside');
    for (const kind of ['note', 'review', 'mock', 'conflict'] as const)
      assert.ok(keys.note('django', '1').startsWith(keys.prefix('note', 'django')), kind);
  });

  it('reads nothing from a key of another shape', () => {
    for (const key of ['', 'note', 'note/', 'note/django', 'note/django/', 'progress/a/b', 'view/filter', 'other/django/1.1'])
      assert.equal(parseKey(key), undefined, key);
  });

  it('takes the study’s own keys, not values set aside or anything else', () => {
    assert.deepEqual(['progress/django', 'note/django/1.1', 'shown/django', 'aside/5/note/django/1.1', 'view/filter'].map(isStudyKey), [
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
