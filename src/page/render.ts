// Bank text -> HTML for the question page. Every character from a bank is escaped here, at
// the one boundary where text becomes HTML; links keep only http(s) targets.
import type { Block, Inline } from '../bank/model';
import { isSafeExternalLink } from '../shared/protocol';
import { parseCodeRef } from '../export/code-block';

export interface RenderOptions {
  /** Code spans that are `path:line` references become links that open the file (a note's code from the editor). */
  codeRefs?: boolean;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c]);
}

export function renderInline(nodes: readonly Inline[], o: RenderOptions = {}): string {
  let html = '';
  for (const n of nodes) {
    switch (n.t) {
      case 'text':
        html += escapeHtml(n.v);
        break;
      case 'code': {
        const ref = o.codeRefs ? parseCodeRef(n.v) : undefined;
        const place = ref && escapeHtml(`${ref.path}:${ref.line}`);
        html += place
          ? `<a href="#" class="code-ref" data-ref="${place}" title="${place}"><code>${escapeHtml(n.v)}</code></a>`
          : `<code>${escapeHtml(n.v)}</code>`;
        break;
      }
      case 'em':
        html += `<em>${renderInline(n.c, o)}</em>`;
        break;
      case 'strong':
        html += `<strong>${renderInline(n.c, o)}</strong>`;
        break;
      case 'br':
        html += '<br>';
        break;
      case 'link':
        // The page asks the extension to open it; the extension checks the target again.
        html += isSafeExternalLink(n.href)
          ? `<a href="#" data-href="${escapeHtml(n.href)}" title="${escapeHtml(n.href)}">${renderInline(n.c, o)}</a>`
          : `<span class="link-dropped" title="link not opened: only http(s) links are">${renderInline(n.c, o)}</span>`;
        break;
    }
  }
  return html;
}

export function renderBlocks(blocks: readonly Block[], o: RenderOptions = {}): string {
  let html = '';
  for (const b of blocks) {
    switch (b.t) {
      case 'p':
        html += `<p>${renderInline(b.c, o)}</p>`;
        break;
      case 'list': {
        const items = b.items.map((item) => `<li>${renderBlocks(item, o)}</li>`).join('');
        html += b.ordered ? `<ol start="${Math.trunc(b.start)}">${items}</ol>` : `<ul>${items}</ul>`;
        break;
      }
      case 'code': {
        const lang = /^[A-Za-z0-9_+#.-]{1,30}$/.test(b.lang) ? ` data-lang="${escapeHtml(b.lang.toLowerCase())}"` : '';
        html += `<pre><code${lang}>${escapeHtml(b.v)}</code></pre>`;
        break;
      }
      case 'quote':
        html += `<blockquote>${renderBlocks(b.c, o)}</blockquote>`;
        break;
      case 'h': {
        // Headings inside an answer sit below the page's own (h1): h4 at most.
        const level = Math.min(6, Math.max(4, Math.trunc(b.depth)));
        html += `<h${level}>${renderInline(b.c, o)}</h${level}>`;
        break;
      }
      case 'table': {
        const cells = (row: Inline[][], tag: string) => `<tr>${row.map((c) => `<${tag}>${renderInline(c, o)}</${tag}>`).join('')}</tr>`;
        const rows = b.rows.map((r) => cells(r, 'td')).join('');
        html += `<div class="table"><table><thead>${cells(b.head, 'th')}</thead><tbody>${rows}</tbody></table></div>`;
        break;
      }
      case 'hr':
        html += '<hr>';
        break;
    }
  }
  return html;
}

/** Longer notes are previewed as plain text: remark would hold the extension host for seconds. */
export const PREVIEW_MAX_CHARS = 100_000;

/**
 * A learner's note as HTML: Markdown through `render` (remark, from the worker's bundle), or plain
 * text when it is very long, when there is no renderer, or when rendering fails.
 */
export function noteHtml(text: string, render: ((text: string) => Block[]) | undefined, onError: (err: Error) => void = () => {}): string {
  if (!text.trim()) return '';
  const plain = () => `<pre class="plain">${escapeHtml(text)}</pre>`;
  if (text.length > PREVIEW_MAX_CHARS || !render) return plain();
  try {
    return renderBlocks(render(text), { codeRefs: true });
  } catch (err) {
    onError(err as Error);
    return plain();
  }
}
