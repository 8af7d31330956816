// Walks a bank whose questions are headings, bold paragraphs, list items opening with a heading
// or <details> blocks (see shape.ts). What follows a question down to the next question or
// section is its answer; when the author wrapped the answer in <details><summary>Answer…, what
// comes before it (the question's code, its options) is the question's details instead.
// Navigation (links to places in the document) and raw HTML tags are left out. Pure.
import type * as md from 'mdast';
import type { Block, Inline } from './model';
import type { DraftQuestion, DraftSection } from './ids';
import { MarkdownConverter, plainBlocks, questionHead } from './markdown';
import { stripMarkers } from './markers';
import {
  boldParagraph,
  detailsDelta,
  holdsQuestions,
  htmlText,
  QUESTION_NUMBER,
  questionLike,
  questionSummary,
  summaryText,
  type Shape,
} from './shape';
import { atMargin } from './parts';

export interface WalkHost {
  readonly md: MarkdownConverter;
  line(node: md.Node): number;
  /** A heading that opens a section. */
  section(node: md.Heading): void;
  /** The section questions go into now. */
  current(): DraftSection;
  /** The number written before a list item ("12." gives 12), if any. */
  itemNumber(item: md.ListItem): number | undefined;
  /** A question from its head and markers, or undefined (with a problem) when it has no text. */
  draft(head: Inline[], pins: string[], done: boolean, line: number): Omit<DraftQuestion, 'number'> | undefined;
}

interface Open {
  draft: Omit<DraftQuestion, 'number'>;
  number?: number;
  into: DraftSection;
  before: md.RootContent[];
  after: md.RootContent[];
  /** The answer is wrapped in <details><summary>Answer: what came before is the details. */
  split: boolean;
}

const ANSWER_SUMMARY = /^(?:show\s+|see\s+(?:the\s+)?)?(?:answers?|solution|explanation)\b/i;

export function walkShape(nodes: readonly md.RootContent[], shape: Exclude<Shape, { kind: 'list' }>, host: WalkHost): void {
  const walker = new ShapeWalker(shape, host);
  for (const node of nodes) walker.node(node);
  walker.close();
}

class ShapeWalker {
  private open: Open | undefined;
  /** How many <details> are open around the current node. */
  private inDetails = 0;
  /** A <details> question (details shape) is open: it ends when its <details> closes. */
  private detailsQuestion = false;

  /** Converts answers and details: HTML tags in them are presentation, their text is kept. */
  private readonly answers: MarkdownConverter;

  constructor(
    private readonly shape: Exclude<Shape, { kind: 'list' }>,
    private readonly host: WalkHost,
  ) {
    this.answers = host.md.withHtmlTagsDropped();
  }

  node(node: md.RootContent): void {
    if (node.type === 'html') return this.html(node);
    if (this.inDetails > 0) return this.content(node);
    const { shape } = this;
    if (shape.kind === 'headings' && node.type === 'heading') {
      if (node.depth === shape.depth && this.asks(node)) return this.start(node.children, node);
      if (node.depth > shape.depth && this.open) return this.content(node);
    } else if (shape.kind === 'bold' && boldParagraph(node)) {
      return this.start(node.children, node);
    } else if (shape.kind === 'list-headings' && node.type === 'list' && holdsQuestions(node)) {
      return this.list(node);
    }
    if (node.type === 'heading') {
      // Indented into a list item's text (which it fell out of): part of the answer, not a section.
      if (!atMargin(node) && this.open) return this.content(node);
      this.close();
      this.host.section(node);
      return;
    }
    this.content(node);
  }

  close(): void {
    const open = this.open;
    this.open = undefined;
    if (!open) return;
    const before = this.blocks(open.before);
    const after = this.blocks(open.after);
    const details = open.split ? before : [];
    const answer = open.split ? after : before;
    const { question } = open.draft;
    Object.assign(question, { details: plainBlocks(details), richDetails: details, answer: plainBlocks(answer), richAnswer: answer });
    open.into.questions.push({ ...open.draft, number: open.number ?? open.into.questions.length + 1 });
  }

  /** A heading at the questions' level asks something or is numbered as a question. */
  private asks(node: md.Heading): boolean {
    if (this.shape.kind === 'headings' && this.shape.all) return true;
    const text = this.host.md.plainText([node]);
    return QUESTION_NUMBER.test(text) || questionLike(text);
  }

  private start(children: md.RootContent[], node: md.Node, number?: number): void {
    this.close();
    const pins: string[] = [];
    let done = false;
    const kept = stripMarkers(children, pins, () => (done = true), 0);
    const numbered = takeNumber(questionHead(this.host.md.inlines(kept, 0)));
    this.begin(numbered.head, pins, done, node, number ?? numbered.number);
  }

  private begin(head: Inline[], pins: string[], done: boolean, node: md.Node, number: number | undefined, lineOffset = 0): void {
    const draft = this.host.draft(head, pins, done, this.host.line(node) + lineOffset);
    if (draft) this.open = { draft, number, into: this.host.current(), before: [], after: [], split: false };
  }

  private html(node: md.Html): void {
    const { opens, closes } = detailsDelta(node.value);
    const summary = summaryText(node.value);
    if (this.shape.kind === 'details' && this.inDetails === 0 && opens > 0 && questionSummary(summary)) {
      this.close();
      const numbered = takeNumber([{ t: 'text', v: summary! }]);
      // The question's line is its <summary>'s, which may sit below the <details> tag.
      const lineOffset = (node.value.slice(0, node.value.search(/<summary\b/i)).match(/\n/g) ?? []).length;
      this.begin(numbered.head, [], false, node, numbered.number, lineOffset);
      this.detailsQuestion = true;
      // Text written on after the summary without a blank line is in this same node.
      const rest = htmlText(node.value.replace(/^[\s\S]*?<\/summary\s*>/i, '').replace(/<\/details\s*>[\s\S]*$/i, ''));
      if (rest && this.open) this.open.before.push(textParagraph(rest));
    } else if (this.open && opens > 0 && summary !== undefined && ANSWER_SUMMARY.test(summary) && !this.open.split) {
      this.open.split = true;
    } else {
      // Other HTML (a <p>, an <img>, a deep-dive <details>): the answers' converter keeps its text.
      this.content(node);
    }
    this.inDetails = Math.max(0, this.inDetails + opens - closes);
    if (this.detailsQuestion && this.inDetails === 0) {
      this.detailsQuestion = false;
      this.close();
    }
  }

  /** A list in a list-headings bank: items opening with a heading are questions, the rest is answer. */
  private list(list: md.List): void {
    for (const item of list.children) {
      const [first, ...rest] = item.children;
      if (first?.type === 'heading') {
        this.start(first.children, item, this.host.itemNumber(item));
        for (const child of rest) {
          if (child.type === 'list' && holdsQuestions(child)) this.list(child);
          else this.content(child);
        }
      } else if (item.children.some((c) => c.type === 'list' && holdsQuestions(c))) {
        for (const child of item.children) {
          if (child.type === 'list' && holdsQuestions(child)) this.list(child);
          else this.content(child);
        }
      } else {
        this.content({ ...list, start: this.host.itemNumber(item) ?? list.start, children: [item] });
      }
    }
  }

  private content(node: md.RootContent): void {
    if (!this.open || navigation(node)) return;
    (this.open.split ? this.open.after : this.open.before).push(node);
  }

  private blocks(nodes: md.RootContent[]): Block[] {
    const blocks = this.answers.blocks(nodes, 0);
    while (blocks.length && blocks[blocks.length - 1].t === 'hr') blocks.pop();
    while (blocks.length && blocks[0].t === 'hr') blocks.shift();
    return blocks;
  }
}

/** "12. What…" gives 12 and "What…"; "Q. What…" gives "What…". */
function takeNumber(head: Inline[]): { head: Inline[]; number?: number } {
  const first = head[0];
  if (first?.t !== 'text') return { head };
  const m = QUESTION_NUMBER.exec(first.v);
  if (!m) return { head };
  const v = first.v.slice(m[0].length);
  const rest = v ? [{ t: 'text' as const, v }, ...head.slice(1)] : head.slice(1);
  const n = m[1] ?? m[2];
  return { head: rest, number: n === undefined ? undefined : Number(n) };
}

function textParagraph(text: string): md.Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value: text }] };
}

/** A paragraph of nothing but links to places in this document ("Back to Top"). */
export function navigation(node: md.RootContent): boolean {
  if (node.type !== 'paragraph') return false;
  let links = 0;
  let other = false;
  const visit = (nodes: readonly md.PhrasingContent[]) => {
    for (const n of nodes) {
      if (n.type === 'text') {
        if (n.value.trim() && !/^[\s|·•–—-]+$/.test(n.value)) other = true;
      } else if (n.type === 'link') {
        if (n.url.startsWith('#')) links++;
        else other = true;
      } else if (n.type === 'strong' || n.type === 'emphasis') visit(n.children);
      else if (n.type !== 'break' && n.type !== 'html') other = true;
    }
  };
  visit(node.children);
  return links > 0 && !other;
}
