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
  (data.micromarkExtensions ??= []).push(gfmAutolinkLiteral(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(
    gfmAutolinkLiteralFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  );
}

const processor = unified().use(remarkParse).use(gfmReading);

/** How many misread lists one document may have re-read: each re-read parses the rest again. */
const MAX_REREADS = 64;

export function readMarkdown(text: string): md.Root {
  const root = processor.parse(text) as md.Root;
  for (let rereads = 0; rereads < MAX_REREADS; rereads++) {
    const at = misreadList(root.children, text);
    if (at < 0) break;
    // Parse from the paragraph on, with everything before it blanked to spaces: the same lines
    // and offsets, so positions still point into the author's text.
    const offset = root.children[at].position!.start.offset!;
    const rest = processor.parse(text.slice(0, offset).replace(/[^\n]/g, ' ') + text.slice(offset)) as md.Root;
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
