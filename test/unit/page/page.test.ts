import assert from 'node:assert/strict';
import { escapeHtml, renderBlocks, renderInline } from '../../../src/page/render';
import { pageHtml } from '../../../src/page/html';
import { parsePageMessage, isSafeExternalLink } from '../../../src/shared/protocol';
import { parseBank } from '../../../src/bank/parse';
import { questions } from '../helpers';

const shell = () =>
  pageHtml({
    cspSource: 'https://webview.test',
    scriptUri: 'https://webview.test/media/page.js',
    styleUri: 'https://webview.test/media/page.css',
    codiconUri: 'https://webview.test/media/codicons/codicon.css',
  });

describe('the question page', () => {
  describe('HTML shell', () => {
    it('has a strict CSP from default-src none, with a fresh nonce on every render', () => {
      const a = shell();
      const b = shell();
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(a)![1];
      assert.match(csp, /^default-src 'none'; /);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
      const nonceA = /'nonce-([^']+)'/.exec(csp)![1];
      const nonceB = /'nonce-([^']+)'/.exec(b)![1];
      assert.ok(nonceA.length >= 16);
      assert.notEqual(nonceA, nonceB);
      assert.match(a, new RegExp(`<script nonce="${nonceA.replace(/[+/]/g, '\\$&')}" src="https://webview.test/media/page.js"></script>`));
    });

    it('has no inline script and no bank data', () => {
      const html = shell();
      const scripts = html.match(/<script[^>]*>[\s\S]*?<\/script>/g) ?? [];
      assert.equal(scripts.length, 1);
      assert.match(scripts[0], /^<script [^>]*src="[^"]+"><\/script>$/);
      assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
    });
  });

  describe('rendering bank text', () => {
    it('escapes every HTML-significant character', () => {
      assert.equal(escapeHtml(`<a href="x" onclick='y'>&\`</a>`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;');
    });

    it('renders code, emphasis, strong and http(s) links, and nothing else as markup', () => {
      const [q] = questions(
        parseBank(
          '## S\n\n- Use `<b>` *now*, **bold**, [docs](https://docs.djangoproject.com/) ' +
            'and [bad](javascript:alert(1)) or [cmd](command:workbench.action.quit)',
        ),
      );
      assert.equal(
        renderInline(q.rich),
        'Use <code>&lt;b&gt;</code> <em>now</em>, <strong>bold</strong>, ' +
          '<a href="#" data-href="https://docs.djangoproject.com/" title="https://docs.djangoproject.com/">docs</a> and ' +
          '<span class="link-dropped" title="link not opened: only http(s) links are">bad</span> or ' +
          '<span class="link-dropped" title="link not opened: only http(s) links are">cmd</span>',
      );
    });

    it('shows raw HTML in a question and its details as text', () => {
      const [q] = questions(
        parseBank(
          '## S\n\n- What does <script>alert(1)</script> do?  \n  <img src=x onerror=alert(1)>\n\n  <iframe src="https://evil"></iframe>\n',
        ),
      );
      const html = renderInline(q.rich) + renderBlocks(q.richDetails);
      assert.doesNotMatch(html, /<(script|img|iframe)/i);
      assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
      assert.match(html, /&lt;iframe src=&quot;https:\/\/evil&quot;&gt;&lt;\/iframe&gt;/);
    });

    it('renders details blocks: lists with their start, code and quotes', () => {
      const [q] = questions(parseBank('## S\n\n- Q?\n\n  3. a\n  4. b\n\n  ```py\n  x = "</textarea>"\n  ```\n\n  > ${alert(1)}\n'));
      assert.equal(
        renderBlocks(q.richDetails),
        '<ol start="3"><li><p>a</p></li><li><p>b</p></li></ol><pre><code data-lang="py">x = ' +
          '&quot;&lt;/textarea&gt;&quot;</code></pre><blockquote><p>${alert(1)}</p></blockquote>',
      );
    });

    it('renders an answer’s headings below the page’s own, its tables escaped, its HTML tags dropped, and no hostile language name', () => {
      const [q] = questions(
        parseBank(
          '###### 1. What is it?\n\n<details><summary>Answer</summary>\n\n#### Answer: <i>D</i>, 1 < 2\n\n| a | "<b>" |\n| - ' +
            '| - |\n| `x` | [l](javascript:alert(1)) |\n\n```py" onmouseover="x\nprint(1)\n```\n\n</details>\n\n###### 2. Next?\n',
        ),
      );
      assert.equal(
        renderBlocks(q.richAnswer),
        '<h4>Answer: D, 1 &lt; 2</h4>' +
          '<div class="table"><table><thead><tr><th>a</th><th>&quot;&quot;</th></tr></thead><tbody><tr><td><code>x</code></td><td><span ' +
          'class="link-dropped" title="link not opened: only http(s) links are">l</span></td></tr></tbody></table></div>' +
          '<pre><code>print(1)</code></pre>',
      );
    });
  });

  describe('messages from the page', () => {
    it('accepts a preview request and a code reference, and refuses them malformed', () => {
      assert.deepEqual(parsePageMessage({ type: 'previewNote', id: '1.1', text: '# x', seq: 3 }), {
        ok: true,
        message: { type: 'previewNote', id: '1.1', text: '# x', seq: 3 },
      });
      assert.equal(parsePageMessage({ type: 'previewNote', id: '1.1', text: 5, seq: 3 }).ok, false);
      assert.equal(parsePageMessage({ type: 'previewNote', id: '1.1', text: '', seq: -1 }).ok, false);
      assert.deepEqual(parsePageMessage({ type: 'openRef', ref: 'views.py:3' }), {
        ok: true,
        message: { type: 'openRef', ref: 'views.py:3' },
      });
      assert.equal(parsePageMessage({ type: 'openRef', ref: 'x'.repeat(1001) }).ok, false);
    });

    it('accepts the known messages with the right field types', () => {
      assert.deepEqual(parsePageMessage({ type: 'ready' }), { ok: true, message: { type: 'ready' } });
      assert.deepEqual(parsePageMessage({ type: 'setDone', id: '1.1', done: true, extra: 1 }), {
        ok: true,
        message: { type: 'setDone', id: '1.1', done: true },
      });
      const edit = { type: 'editNote', id: '1.1', text: 't', writer: 'w1', revision: 3, base: 2, restored: false };
      assert.deepEqual(parsePageMessage({ ...edit, extra: 1 }), { ok: true, message: edit });
      const { text: _text, ...head } = edit;
      const patched = { ...head, patch: { from: 2, at: 0, remove: 1, insert: 'x' } };
      assert.deepEqual(parsePageMessage(patched), { ok: true, message: patched });
      assert.deepEqual(parsePageMessage({ type: 'navigate', id: '1.1', direction: 'next' }), {
        ok: true,
        message: { type: 'navigate', id: '1.1', direction: 'next' },
      });
    });

    it('refuses unknown types, wrong field types and non-objects', () => {
      const bad: unknown[] = [
        null,
        'ready',
        [],
        { type: 'eval', code: '1' },
        { type: 'setDone', id: 1, done: true },
        { type: 'setDone', id: '1.1', done: 'yes' },
        { type: 'editNote', id: '1.1', text: 5, writer: 'w', revision: 1, base: 0, restored: false },
        { type: 'editNote', id: '1.1', text: 't', writer: 'w', revision: 1.5, base: 0, restored: false },
        { type: 'editNote', id: '1.1', text: 't', writer: 'w', revision: 1, base: -1, restored: false },
        { type: 'editNote', id: '1.1', text: 't', writer: '', revision: 1, base: 0, restored: false },
        { type: 'editNote', id: '1.1', text: 't', writer: 'w'.repeat(101), revision: 1, base: 0, restored: false },
        { type: 'editNote', id: '1.1', text: 't', writer: 'w', revision: 1, base: 0, restored: 'no' },
        { type: 'editNote', id: '1.1', text: 't', revision: 3 },
        { type: 'editNote', id: '1.1', writer: 'w', revision: 1, base: 0, restored: false },
        {
          type: 'editNote',
          id: '1.1',
          text: 't',
          writer: 'w',
          revision: 1,
          base: 0,
          restored: false,
          patch: { from: 0, at: 0, remove: 0, insert: '' },
        },
        {
          type: 'editNote',
          id: '1.1',
          writer: 'w',
          revision: 1,
          base: 0,
          restored: false,
          patch: { from: 0, at: -1, remove: 0, insert: '' },
        },
        {
          type: 'editNote',
          id: '1.1',
          writer: 'w',
          revision: 1,
          base: 0,
          restored: false,
          patch: { from: 0, at: 0, remove: 0, insert: 5 },
        },
        { type: 'navigate', id: '1.1', direction: 'sideways' },
        { type: 'openLink', href: { toString: () => 'https://x' } },
        { type: { toString: () => 'ready' } },
      ];
      for (const m of bad) assert.equal(parsePageMessage(m).ok, false, JSON.stringify(m));
    });

    it('opens only http(s) links', () => {
      assert.equal(isSafeExternalLink('https://docs.djangoproject.com/en/5.0/'), true);
      assert.equal(isSafeExternalLink('http://localhost:8000/'), true);
      for (const href of [
        'javascript:alert(1)',
        'command:workbench.action.quit',
        'file:///etc/passwd',
        'vscode://x',
        'data:text/html,x',
        '//evil',
        'https://',
        'not a url',
      ]) {
        assert.equal(isSafeExternalLink(href), false, href);
      }
    });
  });
});
