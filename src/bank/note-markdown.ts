// A learner's note as Markdown blocks, for the page's Preview: the same converter and the same
// closed vocabulary as the bank's text (raw HTML shows as typed, links only http(s) when
// rendered). Lives in the worker's bundle with remark, required only when a note is previewed.
import type * as md from 'mdast';
import type { Block } from './model';
import { MarkdownConverter } from './markdown';
import { readMarkdown } from './read-markdown';

export function noteBlocks(text: string): Block[] {
  const root = readMarkdown(text);
  const definitions = new Map<string, string>();
  for (const node of root.children) if (node.type === 'definition') definitions.set((node as md.Definition).identifier, (node as md.Definition).url);
  return new MarkdownConverter(definitions).blocks(root.children, 0);
}
