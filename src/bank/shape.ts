// Which shape a bank's questions take: list items (the bundled bank), headings (`## 12. What is
// …?`), list items opening with a heading, bold paragraphs or <details> blocks. An author may say
// it with a comment (`<!-- questions: h2 -->`); otherwise it is read from the document. Pure.
import type * as md from 'mdast';
import { collapse, htmlText, plainMd } from './markdown';

export { htmlText };

export type Shape =
  | { kind: 'list' }
  /** `all`: every heading at that depth is a question (the author said so), not only numbered or asking ones. */
  | { kind: 'headings'; depth: number; all?: boolean }
  | { kind: 'list-headings' }
  | { kind: 'bold' }
  | { kind: 'details' };

const DECLARED = /^<!--\s*questions\s*:\s*(list|bold|details|list-headings|h[1-6])\s*-->$/i;

/** "12. ", "12) ", "Q. ", "Q12: ", "Question 3. " at the start of a question. */
export const QUESTION_NUMBER = /^(?:(\d{1,9})[.)]|Q(?:uestion)?\s*#?(\d{1,9})?\s*[.):])\s+(?=\S)/i;

/** Opens with a word that asks or sets a task: "What is the output of below code", "Explain …". */
const ASKING_WORD = new RegExp(
  '^(?:what|why|how|when|where|which|who|whose|is|are|can|could|do|does|did|should|would|will|' +
    'explain|describe|define|compare|write|implement|discuss|differentiate)\\b',
  'i',
);

/** Ends in a question mark, whatever emoji, marks or closing punctuation follow it. */
export function questionLike(text: string): boolean {
  return /\?(?:[\s\p{Extended_Pictographic}\p{Emoji_Modifier}*_)"'”’»\]]|\uFE0F|\u200D)*$/u.test(text);
}

/** Counts `<details>` opened and closed by a raw HTML node. */
export function detailsDelta(html: string): { opens: number; closes: number } {
  return { opens: (html.match(/<details\b/gi) ?? []).length, closes: (html.match(/<\/details\s*>/gi) ?? []).length };
}

/** The text of an HTML node's `<summary>`, tags and entities taken out; undefined when none. */
export function summaryText(html: string): string | undefined {
  const m = /<summary\b[^>]*>([\s\S]*?)<\/summary\s*>/i.exec(html);
  return m ? htmlText(m[1]) : undefined;
}

/** A question-like `<summary>`: numbered or asking; "Answer", "See translations" are not. */
export function questionSummary(text: string | undefined): boolean {
  return !!text && (QUESTION_NUMBER.test(text) || questionLike(text)) && !/^answer\b/i.test(text);
}

/** A paragraph that is nothing but bold text: the bold-paragraph shape's question. */
export function boldParagraph(node: md.RootContent): node is md.Paragraph {
  if (node.type !== 'paragraph') return false;
  const parts = node.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  return parts.length === 1 && parts[0].type === 'strong' && !!collapse(plainMd(parts[0]));
}

/** Half or more of a list's items ask something: a list of questions, not of options or points. */
function asksInItems(list: md.List): boolean {
  const asking = list.children.filter((item) => item.children[0] && questionLike(collapse(plainMd(item.children[0])))).length;
  return asking > 0 && asking * 2 >= list.children.length;
}

export function declaredShape(root: md.Root): Shape | undefined {
  for (const node of root.children) {
    if (node.type !== 'html') continue;
    const m = DECLARED.exec(node.value.trim());
    if (!m) continue;
    const v = m[1].toLowerCase();
    if (v[0] === 'h' && v.length === 2) return { kind: 'headings', depth: Number(v[1]), all: true };
    return { kind: v } as Shape;
  }
  return undefined;
}

/**
 * Reads the shape from the document: list items opening with a heading, then question headings
 * (per heading level), then <details> questions, then bold questions, else list items. Each
 * needs two or more questions (one, in a document without lists); headings whose sections hold
 * lists of questions are sections.
 */
export function detectShape(root: md.Root): Shape {
  let listHeadings = 0;
  let details = 0;
  let bold = 0;
  let boldAsking = 0;
  let listItems = 0;
  const numbered = new Map<number, { asking: number; all: number; withList: number }>();
  let open: { depth: number; counted: boolean } | undefined;
  let inDetails = 0;

  const countItems = (list: md.List) => {
    for (const item of list.children) {
      if (item.children[0]?.type === 'heading') listHeadings++;
      for (const child of item.children) if (child.type === 'list') countItems(child);
    }
  };
  for (const node of root.children) {
    if (node.type === 'html') {
      const { opens, closes } = detailsDelta(node.value);
      if (inDetails === 0 && opens > 0 && questionSummary(summaryText(node.value))) details++;
      inDetails = Math.max(0, inDetails + opens - closes);
      continue;
    }
    if (inDetails > 0) continue;
    if (node.type === 'heading') {
      const text = collapse(plainMd(node));
      open = undefined;
      const number = QUESTION_NUMBER.exec(text);
      if (number) {
        const n = numbered.get(node.depth) ?? { asking: 0, all: 0, withList: 0 };
        n.all++;
        if (questionLike(text) || /^Q/i.test(text) || ASKING_WORD.test(text.slice(number[0].length))) n.asking++;
        numbered.set(node.depth, n);
        open = { depth: node.depth, counted: false };
      }
    } else if (node.type === 'list') {
      listItems += node.children.length;
      countItems(node);
      if (open && !open.counted && asksInItems(node)) {
        numbered.get(open.depth)!.withList++;
        open.counted = true;
      }
    } else if (boldParagraph(node)) {
      bold++;
      if (questionLike(collapse(plainMd(node)))) boldAsking++;
    }
  }

  // Two make a shape; one does too when there is no list to take questions from (a bank just begun).
  const enough = listItems === 0 ? 1 : 2;
  if (listHeadings >= enough) return { kind: 'list-headings' };
  let best: { depth: number; count: number } | undefined;
  for (const [depth, n] of numbered) {
    if (n.asking >= enough && n.asking * 2 >= n.all && n.withList * 2 < n.all && (!best || n.asking > best.count))
      best = { depth, count: n.asking };
  }
  if (best) return { kind: 'headings', depth: best.depth };
  if (details >= enough) return { kind: 'details' };
  if (boldAsking >= enough && boldAsking * 2 >= bold) return { kind: 'bold' };
  return { kind: 'list' };
}

/**
 * The shape of one part of a document (parts.ts): what the part itself shows, else, where it has too
 * few questions to say, the whole document's, unless the part's own lists ask and it holds no
 * question of the document's shape.
 */
export function partShape(part: md.Root, whole: Shape): Shape {
  const local = detectShape(part);
  if (local.kind !== 'list' || whole.kind === 'list') return local;
  const asks = part.children.some((n) => n.type === 'list' && asksInItems(n));
  return !asks || holdsQuestionsOf(part, whole) ? whole : local;
}

function holdsQuestionsOf(part: md.Root, shape: Shape): boolean {
  return part.children.some((node) => {
    switch (shape.kind) {
      case 'headings': {
        if (node.type !== 'heading' || node.depth !== shape.depth) return false;
        const text = collapse(plainMd(node));
        return !!shape.all || QUESTION_NUMBER.test(text) || questionLike(text);
      }
      case 'list-headings':
        return node.type === 'list' && holdsQuestions(node);
      case 'details':
        return node.type === 'html' && questionSummary(summaryText(node.value));
      case 'bold':
        return boldParagraph(node);
      default:
        return false;
    }
  });
}

/** A list with an item opening with a heading, at any depth. */
export function holdsQuestions(list: md.List): boolean {
  return list.children.some(
    (item) => item.children[0]?.type === 'heading' || item.children.some((c) => c.type === 'list' && holdsQuestions(c)),
  );
}
