// A learner's note as Markdown blocks, for the page's Preview: the same converter and the same
// closed vocabulary as the bank's text (raw HTML shows as typed, links only http(s) when
// rendered). Lives in the worker's bundle with remark, required only when a note is previewed.
import type { Block } from './model';
import { MarkdownConverter } from './markdown';
import { definitionsOf, readMarkdown } from './read-markdown';

export function noteBlocks(text: string): Block[] {
  const root = readMarkdown(text);
  return new MarkdownConverter(definitionsOf(root)).blocks(root.children, 0);
}
