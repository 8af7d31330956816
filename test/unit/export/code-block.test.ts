import assert from 'node:assert/strict';
import { codeBlock, parseCodeRef } from '../../../src/export/code-block';
import { renderBlocks } from '../../../src/page/render';
import { noteBlocks } from '../../../src/bank/note-markdown';

describe('code from the editor in a note', () => {
  it('is a path:line reference and a fence in its language, longer than any backtick run inside', () => {
    assert.equal(
      codeBlock({ code: 'def index(request):\n    return HttpResponse("hi")\n', languageId: 'python', path: 'app/views.py', line: 12 }),
      '`app/views.py:12`\n\n```python\ndef index(request):\n    return HttpResponse("hi")\n```',
    );
    const fenced = codeBlock({ code: 'x = """\n```\n"""', languageId: 'plaintext', path: 'a.md', line: 1 });
    assert.equal(fenced, '`a.md:1`\n\n````\nx = """\n```\n"""\n````');
  });

  it('reads back only references inside the workspace', () => {
    assert.deepEqual(parseCodeRef('app/views.py:12'), { path: 'app/views.py', line: 12 });
    assert.deepEqual(parseCodeRef('views.py:3'), { path: 'views.py', line: 3 });
    for (const bad of ['../etc/passwd:1', '/etc/passwd:1', 'C:/x.py:2', 'a/../../b:1', 'views.py', 'views.py:', 'two words.py:1', 'x:1:2:'])
      assert.equal(parseCodeRef(bad), undefined, bad);
  });

  it('renders in the Preview as a link that opens the file, escaped, and only in notes', () => {
    const blocks = noteBlocks('See `app/views.py:12` and `<b>:1`.\n\n```python\nx = 1\n```');
    const html = renderBlocks(blocks, { codeRefs: true });
    assert.match(
      html,
      /<a href="#" class="code-ref" data-ref="app\/views.py:12" title="app\/views.py:12"><code>app\/views.py:12<\/code><\/a>/,
    );
    assert.match(html, /<code>&lt;b&gt;:1<\/code>/, 'not a path: plain code');
    assert.match(html, /<pre><code data-lang="python">x = 1<\/code><\/pre>/);
    assert.doesNotMatch(renderBlocks(blocks), /code-ref/, 'bank text never links files');
  });
});
