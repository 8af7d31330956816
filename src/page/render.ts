// Bank text -> HTML for the question page. Every character from a bank is escaped here, at
// the one boundary where text becomes HTML; links keep only http(s) targets.
import type { Block, Inline } from '../bank/model';
import { isSafeExternalLink } from '../shared/protocol';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c]);
}

export function renderInline(nodes: readonly Inline[]): string {
  let html = '';
  for (const n of nodes) {
    switch (n.t) {
      case 'text':
        html += escapeHtml(n.v);
        break;
      case 'code':
        html += `<code>${escapeHtml(n.v)}</code>`;
        break;
      case 'em':
        html += `<em>${renderInline(n.c)}</em>`;
        break;
      case 'strong':
        html += `<strong>${renderInline(n.c)}</strong>`;
        break;
      case 'br':
        html += '<br>';
        break;
      case 'link':
        // The page asks the extension to open it; the extension checks the target again.
        html += isSafeExternalLink(n.href)
          ? `<a href="#" data-href="${escapeHtml(n.href)}" title="${escapeHtml(n.href)}">${renderInline(n.c)}</a>`
          : `<span class="link-dropped" title="link not opened: only http(s) links are">${renderInline(n.c)}</span>`;
        break;
    }
  }
  return html;
}

export function renderBlocks(blocks: readonly Block[]): string {
  let html = '';
  for (const b of blocks) {
    switch (b.t) {
      case 'p':
        html += `<p>${renderInline(b.c)}</p>`;
        break;
      case 'list': {
        const items = b.items.map((item) => `<li>${renderBlocks(item)}</li>`).join('');
        html += b.ordered ? `<ol start="${Math.trunc(b.start)}">${items}</ol>` : `<ul>${items}</ul>`;
        break;
      }
      case 'code':
        html += `<pre><code>${escapeHtml(b.v)}</code></pre>`;
        break;
      case 'quote':
        html += `<blockquote>${renderBlocks(b.c)}</blockquote>`;
        break;
      case 'hr':
        html += '<hr>';
        break;
    }
  }
  return html;
}
