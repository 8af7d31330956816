// A document in parts. One document may hold two shapes one after the other (list items opening
// with a heading, then a "Coding Exercise" part of numbered question headings), so the shape is
// read per part. A part starts at a top-level heading that is no question itself (not numbered,
// not asking), written at the margin and outside any <details>: a heading indented into a list
// item's text or inside a <details> block belongs to an answer. A contents heading ("Table of
// Contents", "Contents", "TOC") starts a part too, but is never a section: its list of links is
// skipped and what follows it belongs to the section around it. Pure: no 'vscode'.
import type * as md from 'mdast';
import { collapse, plainMd } from './markdown';
import { declaredShape, detailsDelta, holdsQuestions, QUESTION_NUMBER, questionLike, type Shape } from './shape';

export interface Part {
  /** The heading that starts the part; none for what comes before the first. */
  heading?: md.Heading;
  /** The heading is a table of contents: never a section, and its contents list is not read. */
  contents: boolean;
  nodes: md.RootContent[];
  /** The shape the author declared for this part (`<!-- questions: … -->` in it or before it). */
  declared?: Shape;
}

const CONTENTS = /^(?:table\s+of\s+contents?|contents|toc)$/i;

/** "Table of Contents", "📖 Contents:", "[TOC](#toc)", "## 0. Contents": a heading over a contents list. */
export function contentsHeading(text: string): boolean {
  const t = text
    .replace(/[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F\u200D]/gu, '')
    .replace(/^[\s\d.):#*_|–—-]+|[\s:.#*_|–—-]+$/g, '');
  return CONTENTS.test(t);
}

/** A heading written at the margin (an ATX heading may be indented up to three spaces). */
export function atMargin(node: md.Node): boolean {
  return (node.position?.start.column ?? 1) === 1;
}

/** A heading that reads as a question of a heading shape: numbered or asking. */
const asksAsHeading = (text: string) => QUESTION_NUMBER.test(text) || questionLike(text);

/**
 * Splits the document's top level into parts. A declared shape holds from the part it is written
 * in to the next declaration: written before the first heading, for the whole document.
 */
export function splitParts(root: md.Root): Part[] {
  const parts: Part[] = [{ contents: false, nodes: [] }];
  let declared: Shape | undefined;
  let inDetails = 0;
  /** The level of the last question-like heading in this part: a deeper heading is part of its answer. */
  let questionDepth: number | undefined;
  for (const node of root.children) {
    const part = parts[parts.length - 1];
    if (node.type === 'html') {
      const { opens, closes } = detailsDelta(node.value);
      inDetails = Math.max(0, inDetails + opens - closes);
      const said = declaredShape({ type: 'root', children: [node] });
      if (said) part.declared = declared = said;
    } else if (node.type === 'heading' && inDetails === 0 && atMargin(node)) {
      const text = collapse(plainMd(node));
      const contents = contentsHeading(text);
      const asks = !contents && ((declared?.kind === 'headings' && declared.depth === node.depth) || asksAsHeading(text));
      if (asks) questionDepth = node.depth;
      else if (questionDepth === undefined || node.depth <= questionDepth) {
        questionDepth = undefined;
        parts.push({ heading: node, contents, nodes: [], declared });
        continue;
      }
    }
    part.nodes.push(node);
  }
  return parts;
}

/**
 * What a contents heading holds: its lists (of links or of plain titles), tables, paragraphs of
 * links, rules and HTML. A list of items opening with a heading is the questions, not contents.
 */
export function contentsBlock(node: md.RootContent): boolean {
  if (node.type === 'table' || node.type === 'thematicBreak' || node.type === 'html' || node.type === 'definition') return true;
  if (node.type === 'paragraph') return linksOnly(node.children);
  return node.type === 'list' && !holdsQuestions(node);
}

/**
 * Links and separators, remarks in brackets, and after a link a short remark set off by a dash:
 * "[HTML Questions](html.md) (external link)", "[@ana](…) — reviews". "Explain [signals](…)" and
 * "[Signals](…) in depth" are questions, as they always were.
 */
export function linksOnly(nodes: readonly md.PhrasingContent[]): boolean {
  let links = 0;
  let remark = '';
  for (const n of nodes) {
    if (n.type === 'link' || n.type === 'linkReference') links++;
    else if (n.type === 'strong' || n.type === 'emphasis') {
      if (!linksOnly(n.children)) return false;
      links++;
    } else if (n.type === 'text') {
      const text = n.value.replace(/\([^()]*\)|\[[^[\]]*\]/g, '');
      const words = text.replace(/[\s|,·•–—:-]+/g, ' ').trim();
      if (!words) continue;
      if (links === 0 || !/^\s*[–—-]\s/.test(text)) return false;
      remark += ` ${words}`;
    } else if (n.type !== 'break' && n.type !== 'html') return false;
  }
  return links > 0 && remark.trim().split(' ').length <= 3 && !remark.includes('?');
}
