// Markdown text -> mdast, with GFM (tables in answers, task lists, autolinks), and a workaround
// for one place where remark-parse (micromark) misreads valid CommonMark: an ordered list that
// does not start at 1, right after an indented code block, comes out as a paragraph. Pure.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type * as md from 'mdast';

/**
 * GFM as remark-gfm reads it (tables, task lists, autolinks, strikethrough), for reading only:
 * without its half for writing Markdown, which the extension never does (mdast-util-to-markdown,
 * about 20 KB in each bundle), and without footnotes, which a question's text would lose (the
 * pages show no footnote nodes): `[^1]` stays the characters the author wrote.
 */
function gfmReading(this: ReturnType<typeof unified>): void {
  const data = this.data();
  const autolinks = gfmAutolinkLiteralFromMarkdown();
  const [linkLiterals] = autolinks.transforms ?? [];
  (data.micromarkExtensions ??= []).push(gfmAutolinkLiteral(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(
    linkLiterals ? { ...autolinks, transforms: [(tree) => linkLiteralsWhereHinted(tree, linkLiterals)] } : autolinks,
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  );
}

/**
 * What a text node must contain for GFM's bare-link transform to change it: each of its four
 * patterns needs `http://`, `https://`, `www.` (any case), or the `@` of an address.
 */
const LINK_HINT = /https?:\/\/|www\.|@/i;
/** The nodes whose children are a run of inline text; every text node of mdast lies in one. */
const INLINE_ROOTS = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * GFM's bare-link transform searches every text node with four patterns, one walk of the whole
 * tree each: a tenth of a large bank's parse. The same transform, run only on the paragraphs,
 * headings and table cells that have a text node holding what any such link must contain, gives
 * the same tree: it works text node by text node, and skips links by looking at the ancestors it
 * walks, which lie inside that paragraph.
 */
function linkLiteralsWhereHinted(tree: md.Root, transform: (node: md.Root) => unknown): void {
  const roots: md.Parent[] = [];
  let outside = false;
  const walk = (node: md.Node, inlineRoot: md.Parent | undefined): void => {
    if (node.type === 'text') {
      if (!inlineRoot) outside ||= LINK_HINT.test((node as md.Text).value);
      else if (roots[roots.length - 1] !== inlineRoot && LINK_HINT.test((node as md.Text).value)) roots.push(inlineRoot);
      return;
    }
    const children = (node as md.Parent).children;
    if (!children) return;
    const root = INLINE_ROOTS.has(node.type) ? (node as md.Parent) : inlineRoot;
    for (const child of children) walk(child, root);
  };
  walk(tree, undefined);
  if (outside) transform(tree);
  else for (const root of roots) transform(root as unknown as md.Root);
}

const processor = unified().use(remarkParse).use(gfmReading);

/** How many misread lists one document may have re-read: each re-read parses the rest again. */
const MAX_REREADS = 64;

/** One parse of Markdown text into mdast, as remark-parse with GFM reads it. */
export type MarkdownParse = (text: string) => md.Root;

const parseOnce: MarkdownParse = (text) => processor.parse(text) as md.Root;

/** The document's mdast; `parse` is given by a test that compares the build's parser with the packages' own. */
export function readMarkdown(text: string, parse: MarkdownParse = parseOnce): md.Root {
  const root = parse(text);
  for (let rereads = 0; rereads < MAX_REREADS; rereads++) {
    const at = misreadList(root.children, text);
    if (at < 0) break;
    // Parse from the paragraph on, with everything before it blanked to spaces: the same lines
    // and offsets, so positions still point into the author's text.
    const offset = root.children[at].position!.start.offset!;
    const rest = parse(text.slice(0, offset).replace(/[^\n]/g, ' ') + text.slice(offset));
    if (rest.children[0]?.type !== 'list') break;
    root.children = [...root.children.slice(0, at), ...rest.children];
  }
  return root;
}

/** The document's link reference definitions (`[id]: url`), by identifier. */
export function definitionsOf(root: md.Root): Map<string, string> {
  const definitions = new Map<string, string>();
  for (const node of root.children) if (node.type === 'definition') definitions.set(node.identifier, node.url);
  return definitions;
}

/** The index of a paragraph that should have been an ordered list after an indented code block, or -1. */
function misreadList(nodes: md.RootContent[], text: string): number {
  for (let i = 1; i < nodes.length; i++) {
    const before = nodes[i - 1];
    const node = nodes[i];
    if (node.type !== 'paragraph' || before.type !== 'code' || before.lang) continue;
    const codeStart = before.position?.start.offset;
    const start = node.position?.start.offset;
    if (codeStart === undefined || start === undefined) continue;
    if (/^ {0,3}(`{3,}|~{3,})/.test(text.slice(codeStart, codeStart + 8))) continue; // fenced, not indented
    if (/^\d{1,9}[.)][ \t]+\S/.test(text.slice(start, start + 16))) return i;
  }
  return -1;
}
