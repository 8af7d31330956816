// Markdown -> Bank: walks the document's headings and lists into sections and questions. The
// Markdown conversion is in markdown.ts, the author's markers in markers.ts, ids in ids.ts.
// Pure: never imports 'vscode', never throws (see parseBank).
import * as l10n from '@vscode/l10n';
import type * as md from 'mdast';
import type { Bank, Block, Inline, NoQuestions, Problem } from './model';
import { assignIds, type DraftQuestion, type DraftSection } from './ids';
import { collapse, MarkdownConverter, plainBlocks, plainInline, questionHead, trimInlines } from './markdown';
import { stripMarkers, VALID_PIN } from './markers';
import { prepareSource } from './prepare';
import { definitionsOf, readMarkdown } from './read-markdown';
import { detailsDelta, detectShape, htmlText, partShape, questionLike } from './shape';
import { atMargin, contentsBlock, linksOnly, splitParts } from './parts';
import { walkShape } from './walk-shapes';

export { slug } from './ids';
export { plainBlocks, plainInline } from './markdown';

export interface ParseOptions {
  /** Title used when the document has no single top-level heading (for example the file name). */
  fallbackTitle?: string;
}

const SECTION_NUMBER = /^(\d+[A-Za-z]{0,2}(?:\.\d+[A-Za-z]{0,2})*)[.):]\s+\S/;

/**
 * Parses a Markdown question bank. On any input it returns a bank and the problems found;
 * it never throws (an internal failure becomes a problem on line 1).
 */
export function parseBank(source: string, options: ParseOptions = {}): Bank {
  const fallbackTitle = (options.fallbackTitle ?? '').trim() || 'Questions';
  try {
    return new Parser(String(source ?? ''), fallbackTitle).run();
  } catch (err) {
    return {
      title: fallbackTitle,
      sections: [],
      problems: [{ line: 1, message: l10n.t('the bank could not be parsed: {0}', err instanceof Error ? err.message : String(err)) }],
    };
  }
}

class Parser {
  private readonly problems: Problem[] = [];
  private readonly definitions = new Map<string, string>();
  readonly md = new MarkdownConverter(this.definitions);
  private readonly lineCount: number;
  private readonly top: DraftSection[] = [];
  private readonly before: DraftSection = { title: '', depth: 0, line: 1, questions: [], sections: [] };
  private readonly stack: DraftSection[] = [];
  private depth1 = 0;
  /** List items and contents blocks skipped as links: a bank of nothing else is a list of links. */
  private linkItems = 0;

  constructor(
    private text: string,
    private readonly fallbackTitle: string,
  ) {
    if (this.text.charCodeAt(0) === 0xfeff) this.text = this.text.slice(1);
    this.lineCount = countLines(this.text);
  }

  run(): Bank {
    if (this.text.includes('\u0000')) {
      this.problem(lineOf(this.text, this.text.indexOf('\u0000')), l10n.t('the file contains NUL bytes: it looks binary, not Markdown'));
    }
    const prepared = prepareSource(this.text);
    // Same lines, fewer characters: list numbers are read at the parsed text's offsets.
    this.text = prepared.text;
    const root = readMarkdown(prepared.text);
    for (const [identifier, url] of definitionsOf(root)) this.definitions.set(identifier, url);

    // The shape is read per part (parts.ts): one document may hold two, one after the other.
    const whole = detectShape(root);
    for (const part of splitParts(root)) {
      let nodes = part.nodes;
      if (part.heading && part.contents) {
        this.contents(part.heading);
        const kept = nodes.findIndex((node) => !contentsBlock(node));
        this.linkItems += kept < 0 ? nodes.length : kept;
        nodes = kept < 0 ? [] : nodes.slice(kept);
      } else if (part.heading) this.section(part.heading);
      const shape = part.declared ?? partShape({ type: 'root', children: nodes }, whole);
      if (shape.kind === 'list') this.listPart(nodes);
      else walkShape(nodes, shape, this);
    }

    // A single top-level heading is the document's title; what it holds becomes top level.
    let title = prepared.title ?? htmlTitle(root) ?? this.fallbackTitle;
    let sections = this.top;
    if (this.depth1 === 1 && this.top.filter((s) => s.depth === 1).length === 1) {
      const titleSection = this.top.find((s) => s.depth === 1)!;
      if (!prepared.title) title = titleSection.title;
      sections = [];
      for (const s of this.top) {
        if (s !== titleSection) sections.push(s);
        else {
          if (s.questions.length) sections.push({ ...s, sections: [] });
          sections.push(...s.sections);
        }
      }
    }
    if (this.before.questions.length) {
      this.before.title = title;
      sections.unshift(this.before);
    }

    const visible = prune(sections);
    const bank: Bank = { title, sections: assignIds(visible, (line, message) => this.problem(line, message)), problems: this.problems };
    if (!visible.length) {
      const why: NoQuestions = this.linkItems ? 'links' : 'none';
      bank.noQuestions = why;
      this.problem(1, l10n.t('no questions found: {0}. {1}', noQuestionsWhy(why), shapesRead()));
    }
    this.problems.sort((a, b) => a.line - b.line);
    return bank;
  }

  /** A list-shape part: headings are sections (not those inside <details> or an item's indented text), lists hold the questions. */
  private listPart(nodes: readonly md.RootContent[]): void {
    let inDetails = 0;
    for (const node of nodes) {
      if (node.type === 'html') {
        const { opens, closes } = detailsDelta(node.value);
        inDetails = Math.max(0, inDetails + opens - closes);
      } else if (inDetails > 0) continue;
      else if (node.type === 'heading' && atMargin(node)) this.section(node);
      else if (node.type === 'list') this.listQuestions(node, this.current());
    }
  }

  /** A contents heading is no section: it closes the sections at its level and below, and what follows goes on in the one around it. */
  private contents(node: md.Heading): void {
    while (this.stack.length && this.stack[this.stack.length - 1].depth >= node.depth) this.stack.pop();
  }

  /** A heading opens a section, inside the nearest open section of a lower level. */
  section(node: md.Heading): void {
    const stack = this.stack;
    while (stack.length && stack[stack.length - 1].depth >= node.depth) stack.pop();
    const title = collapse(plainInline(this.md.inlines(node.children, 0)));
    const match = SECTION_NUMBER.exec(title);
    const section: DraftSection = {
      title: title || '(untitled)',
      depth: node.depth,
      line: this.line(node),
      number: match?.[1],
      questions: [],
      sections: [],
    };
    if (node.depth === 1) this.depth1++;
    (stack.length ? stack[stack.length - 1].sections : this.top).push(section);
    stack.push(section);
  }

  /** The section questions go into now: the last one opened, or the one before any heading. */
  current(): DraftSection {
    return this.stack.length ? this.stack[this.stack.length - 1] : this.before;
  }

  private problem(line: number, message: string): void {
    this.problems.push({ line: Math.min(Math.max(1, line), this.lineCount), message });
  }

  line(node: md.Node): number {
    const l = node.position?.start.line ?? 1;
    return Math.min(Math.max(1, l), this.lineCount);
  }

  private listQuestions(list: md.List, into: DraftSection): void {
    const literal = list.children.map((item) => this.itemNumber(item));
    // "1. 1. 1." is Markdown's lazy numbering: the rendered numbers (start, start+1, ...) are the ones meant.
    const lazy = list.ordered && literal.length > 1 && literal.every((n) => n !== undefined && n === literal[0]);
    const firstAt = new Map<number, number>();
    list.children.forEach((item, index) => {
      const question = this.question(item);
      if (!question) return;
      let number: number;
      if (!list.ordered) number = into.questions.length + 1;
      else if (lazy) number = (list.start ?? 1) + index;
      else number = literal[index] ?? (list.start ?? 1) + index;
      if (list.ordered && !lazy) {
        const first = firstAt.get(number);
        if (first !== undefined) {
          this.problem(question.question.line, l10n.t('question number {0} repeats in this list (first at line {1})', number, first));
        } else firstAt.set(number, question.question.line);
      }
      into.questions.push({ ...question, number });
    });
  }

  /** The number written before a list item ("12." gives 12), if any. */
  itemNumber(item: md.ListItem): number | undefined {
    const offset = item.position?.start.offset;
    if (offset === undefined) return undefined;
    const m = /^(\d{1,9})[.)]/.exec(this.text.slice(offset, offset + 12));
    return m ? Number(m[1]) : undefined;
  }

  private question(item: md.ListItem): Omit<DraftQuestion, 'number'> | undefined {
    const line = this.line(item);
    const pins: string[] = [];
    let done = false;
    // Pins and done markers may sit anywhere in the item; both are taken out of the text.
    const children = stripMarkers(item.children, pins, () => (done = true), 0) as md.BlockContent[];
    // A ticked task-list item (`- [x] …`) is marked done by its author, like **done**.
    if (item.checked === true) done = true;

    let head: Inline[] = [];
    const detailBlocks: Block[] = [];
    const [first, ...rest] = children;
    let linkOnly = false;
    if (first?.type === 'paragraph') {
      const at = first.children.findIndex((n) => n.type === 'break');
      const questionPart = at < 0 ? first.children : first.children.slice(0, at);
      linkOnly = linksOnly(questionPart);
      head = this.md.inlines(questionPart, 0);
      if (at >= 0) {
        const tail = trimInlines(this.md.inlines(first.children.slice(at + 1), 0));
        if (tail.length) detailBlocks.push({ t: 'p', c: tail });
      }
    } else if (first) {
      head = [{ t: 'text', v: this.md.plainText([first]) }];
    }
    for (const block of rest) detailBlocks.push(...this.md.blocks([block], 0));

    head = questionHead(head);
    const text = collapse(plainInline(head));
    // A list of links (a table of contents, translations, other files) asks nothing.
    if (linkOnly && !questionLike(text)) {
      this.linkItems++;
      return undefined;
    }
    if (!text) {
      this.problem(line, l10n.t('a list item with no question text was skipped'));
      return undefined;
    }
    const draft = this.draft(head, pins, done, line);
    if (draft) Object.assign(draft.question, { details: plainBlocks(detailBlocks), richDetails: detailBlocks });
    return draft;
  }

  /** A question from its head and markers, or undefined (with a problem) when it has no text. */
  draft(head: Inline[], pins: string[], done: boolean, line: number): Omit<DraftQuestion, 'number'> | undefined {
    const text = collapse(plainInline(head));
    if (!text) {
      this.problem(line, l10n.t('a question with no text was skipped'));
      return undefined;
    }
    let pinned: string | undefined;
    for (const pin of pins) {
      if (!VALID_PIN.test(pin))
        this.problem(line, l10n.t('pinned id "{0}" is not valid: use letters, digits, ".", "_", ":" or "-"', pin.slice(0, 60)));
      else if (pinned === undefined) pinned = pin;
      else this.problem(line, l10n.t('more than one pinned id in this question; "{0}" is used', pinned));
    }
    return {
      question: { id: '', text, rich: head, details: '', richDetails: [], answer: '', richAnswer: [], done, line },
      pinned,
    };
  }
}

/** Why a bank has no question, in words. */
export const noQuestionsWhy = (why: NoQuestions): string =>
  why === 'links' ? l10n.t('it looks like a list of links') : l10n.t('none of its text reads as a question');

/** What the parser reads as questions, for the message of a bank with none. */
export const shapesRead = (): string =>
  l10n.t('Questions are read from lists, headings, bold paragraphs and <details> blocks: see docs/bank-format.md');

/** The first `<h1>` written as HTML (a centred logo and title), as the bank's title. */
function htmlTitle(root: md.Root): string | undefined {
  for (const node of root.children) {
    if (node.type !== 'html') continue;
    const m = /<h1\b[^>]*>([\s\S]*?)<\/h1\s*>/i.exec(node.value);
    if (m) return htmlText(m[1]) || undefined;
  }
  return undefined;
}

function prune(sections: DraftSection[]): DraftSection[] {
  const out: DraftSection[] = [];
  for (const s of sections) {
    const children = prune(s.sections);
    if (s.questions.length || children.length) out.push({ ...s, sections: children });
  }
  return out;
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function lineOf(text: string, index: number): number {
  return countLines(text.slice(0, Math.max(0, index)));
}
