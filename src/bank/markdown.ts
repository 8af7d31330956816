// Markdown (mdast) to the bank's own inline and block model, and both to plain text. Bounded
// recursion: deeper nesting than MAX_DEPTH is flattened to text, so hostile input cannot overflow
// the stack. Pure: no 'vscode'.
import type * as md from 'mdast';
import type { Block, Inline } from './model';

/** Deeper Markdown nesting than this is flattened to text: keeps recursion bounded on hostile input. */
export const MAX_DEPTH = 40;

export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Converts Markdown nodes, resolving link references against the document's definitions. */
export class MarkdownConverter {
  /**
   * @param dropTags In answers copied from READMEs, HTML tags (`<i>`, `<br/>`, `<img>`) are
   * presentation: drop them and keep their text. Elsewhere raw HTML shows as typed.
   */
  constructor(
    private readonly definitions: ReadonlyMap<string, string>,
    private readonly dropTags = false,
  ) {}

  /** The same converter, dropping HTML tags and keeping their text. */
  withHtmlTagsDropped(): MarkdownConverter {
    return new MarkdownConverter(this.definitions, true);
  }

  inlines(nodes: readonly md.RootContent[], depth: number): Inline[] {
    const out: Inline[] = [];
    const push = (n: Inline) => {
      const last = out[out.length - 1];
      if (n.t === 'text' && last?.t === 'text') last.v += n.v;
      else out.push(n);
    };
    for (const node of nodes) {
      if (depth >= MAX_DEPTH) {
        push({ t: 'text', v: plainMd(node) });
        continue;
      }
      switch (node.type) {
        case 'text':
          push({ t: 'text', v: node.value });
          break;
        case 'inlineCode':
          out.push({ t: 'code', v: node.value });
          break;
        case 'emphasis':
          out.push({ t: 'em', c: this.inlines(node.children, depth + 1) });
          break;
        case 'strong':
          out.push({ t: 'strong', c: this.inlines(node.children, depth + 1) });
          break;
        case 'link':
          out.push({ t: 'link', href: node.url, c: this.inlines(node.children, depth + 1) });
          break;
        case 'linkReference': {
          const href = this.definitions.get(node.identifier);
          const c = this.inlines(node.children, depth + 1);
          if (href !== undefined) out.push({ t: 'link', href, c });
          else c.forEach(push);
          break;
        }
        case 'image':
        case 'imageReference':
          if (node.alt) push({ t: 'text', v: node.alt });
          break;
        case 'break':
          out.push({ t: 'br' });
          break;
        case 'html':
          // Raw HTML is shown as the characters the author typed; comments stay invisible.
          if (/^<!--[\s\S]*-->$/.test(node.value.trim())) break;
          if (!this.dropTags) push({ t: 'text', v: node.value });
          else if (/^<br\b/i.test(node.value)) out.push({ t: 'br' });
          else if (!/^<\/?[A-Za-z][^<>]*>$/.test(node.value.trim())) push({ t: 'text', v: node.value });
          break;
        default:
          push({ t: 'text', v: plainMd(node) });
      }
    }
    return out;
  }

  blocks(nodes: readonly md.RootContent[], depth: number): Block[] {
    const out: Block[] = [];
    for (const node of nodes) {
      if (depth >= MAX_DEPTH) {
        out.push({ t: 'p', c: [{ t: 'text', v: plainMd(node) }] });
        continue;
      }
      switch (node.type) {
        case 'paragraph': {
          const c = trimInlines(this.inlines(node.children, depth + 1));
          if (c.length) out.push({ t: 'p', c });
          break;
        }
        case 'heading': {
          const c = trimInlines(this.inlines(node.children, depth + 1));
          if (c.length) out.push({ t: 'h', depth: node.depth, c });
          break;
        }
        case 'table': {
          const [head, ...rows] = node.children.map((row) =>
            row.children.map((cell) => trimInlines(this.inlines(cell.children, depth + 1))),
          );
          if (head) out.push({ t: 'table', head, rows });
          break;
        }
        case 'list':
          out.push({
            t: 'list',
            ordered: !!node.ordered,
            start: node.start ?? 1,
            items: node.children.map((item) => this.blocks(item.children, depth + 1)),
          });
          break;
        case 'code':
          out.push({ t: 'code', lang: node.lang ?? '', v: node.value });
          break;
        case 'blockquote':
          out.push({ t: 'quote', c: this.blocks(node.children, depth + 1) });
          break;
        case 'thematicBreak':
          out.push({ t: 'hr' });
          break;
        case 'definition':
          break;
        case 'html':
          if (/^<!--[\s\S]*-->$/.test(node.value.trim())) break;
          if (!this.dropTags) out.push({ t: 'p', c: [{ t: 'text', v: node.value }] });
          else {
            const text = htmlText(node.value);
            if (text) out.push({ t: 'p', c: [{ t: 'text', v: text }] });
          }
          break;
        default: {
          const v = plainMd(node);
          if (v.trim()) out.push({ t: 'p', c: [{ t: 'text', v }] });
        }
      }
    }
    return out;
  }

  /** Blocks as one line of plain text. */
  plainText(nodes: md.RootContent[]): string {
    return collapse(plainBlocks(this.blocks(nodes, 0)));
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** The visible text of a fragment of HTML: tags dropped, common entities decoded. */
export function htmlText(html: string): string {
  return collapse(
    html
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (all, e: string) => {
        if (e[0] === '#') {
          const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
          return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
        }
        return ENTITIES[e.toLowerCase()] ?? all;
      }),
  );
}

export function plainMd(node: md.Node, depth = 0): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('alt' in node && typeof node.alt === 'string') return node.alt;
  if (node.type === 'break') return ' ';
  if ('children' in node && Array.isArray(node.children)) {
    if (depth > MAX_DEPTH * 4) return '';
    return (node.children as md.Node[]).map((c) => plainMd(c, depth + 1)).join(node.type === 'list' || node.type === 'listItem' ? ' ' : '');
  }
  return '';
}

export function plainInline(nodes: readonly Inline[]): string {
  let s = '';
  for (const n of nodes) {
    if (n.t === 'text' || n.t === 'code') s += n.v;
    else if (n.t === 'br') s += ' ';
    else s += plainInline(n.c);
  }
  return s;
}

export function plainBlocks(blocks: readonly Block[], indent = ''): string {
  const lines: string[] = [];
  for (const b of blocks) {
    switch (b.t) {
      case 'p':
        lines.push(indent + collapse(plainInline(b.c)));
        break;
      case 'list':
        b.items.forEach((item, i) => {
          const bullet = b.ordered ? `${b.start + i}. ` : '- ';
          const body = plainBlocks(item, indent + ' '.repeat(bullet.length));
          lines.push(indent + bullet + body.slice(indent.length + bullet.length));
        });
        break;
      case 'code':
        lines.push(...b.v.split('\n').map((l) => indent + l));
        break;
      case 'quote':
        lines.push(plainBlocks(b.c, indent + '> '));
        break;
      case 'h':
        lines.push(indent + collapse(plainInline(b.c)));
        break;
      case 'table':
        for (const row of [b.head, ...b.rows]) lines.push(indent + row.map((cell) => collapse(plainInline(cell))).join(' | '));
        break;
      case 'hr':
        lines.push(indent + '---');
        break;
    }
  }
  return lines.join('\n');
}

/** A question's inline text, trimmed; bold around the whole question is presentation and comes off. */
export function questionHead(inlines: Inline[]): Inline[] {
  const head = trimInlines(inlines);
  return head.length === 1 && head[0].t === 'strong' ? trimInlines(head[0].c) : head;
}

export function trimInlines(nodes: Inline[]): Inline[] {
  const out = nodes.filter((n) => !(n.t === 'text' && n.v === ''));
  while (out.length && out[0].t === 'br') out.shift();
  while (out.length && out[out.length - 1].t === 'br') out.pop();
  if (out.length && out[0].t === 'text') {
    const v = (out[0] as { v: string }).v.replace(/^\s+/, '');
    if (v) out[0] = { t: 'text', v };
    else out.shift();
  }
  const last = out.length - 1;
  if (last >= 0 && out[last].t === 'text') {
    const v = (out[last] as { v: string }).v.replace(/\s+$/, '');
    if (v) out[last] = { t: 'text', v };
    else out.pop();
  }
  return out;
}
