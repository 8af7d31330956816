// Markdown -> Bank: walks the document's headings and lists into sections and questions. The
// Markdown conversion is in markdown.ts, the author's markers in markers.ts, ids in ids.ts.
// Pure: never imports 'vscode', never throws (see parseBank).
import * as l10n from '@vscode/l10n';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type * as md from 'mdast';
import type { Bank, Block, Inline, Problem } from './model';
import { assignIds, type DraftQuestion, type DraftSection } from './ids';
import { collapse, MarkdownConverter, plainBlocks, plainInline, trimInlines } from './markdown';
import { stripMarkers, VALID_PIN } from './markers';

export { slug } from './ids';
export { plainBlocks, plainInline } from './markdown';

export interface ParseOptions {
  /** Title used when the document has no single top-level heading (for example the file name). */
  fallbackTitle?: string;
}

const SECTION_NUMBER = /^(\d+[A-Za-z]{0,2}(?:\.\d+[A-Za-z]{0,2})*)[.):]\s+\S/;

const processor = unified().use(remarkParse);

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
  private readonly md = new MarkdownConverter(this.definitions);
  private readonly lineCount: number;

  constructor(
    private readonly text: string,
    private readonly fallbackTitle: string,
  ) {
    if (this.text.charCodeAt(0) === 0xfeff) this.text = this.text.slice(1);
    this.lineCount = countLines(this.text);
  }

  run(): Bank {
    if (this.text.includes('\u0000')) {
      this.problem(lineOf(this.text, this.text.indexOf('\u0000')), l10n.t('the file contains NUL bytes: it looks binary, not Markdown'));
    }
    const root = processor.parse(this.text) as md.Root;
    for (const node of root.children) {
      if (node.type === 'definition') this.definitions.set(node.identifier, node.url);
    }

    const top: DraftSection[] = [];
    const before: DraftSection = { title: '', depth: 0, line: 1, questions: [], sections: [] };
    const stack: DraftSection[] = [];
    let depth1 = 0;
    for (const node of root.children) {
      if (node.type === 'heading') {
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
        if (node.depth === 1) depth1++;
        (stack.length ? stack[stack.length - 1].sections : top).push(section);
        stack.push(section);
      } else if (node.type === 'list') {
        const into = stack.length ? stack[stack.length - 1] : before;
        this.listQuestions(node, into);
      }
    }

    // A single top-level heading is the document's title; what it holds becomes top level.
    let title = this.fallbackTitle;
    let sections = top;
    if (depth1 === 1 && top.filter((s) => s.depth === 1).length === 1) {
      const titleSection = top.find((s) => s.depth === 1)!;
      title = titleSection.title;
      sections = [];
      for (const s of top) {
        if (s !== titleSection) sections.push(s);
        else {
          if (s.questions.length) sections.push({ ...s, sections: [] });
          sections.push(...s.sections);
        }
      }
    }
    if (before.questions.length) {
      before.title = title;
      sections.unshift(before);
    }

    const visible = prune(sections);
    const bank: Bank = { title, sections: assignIds(visible, (line, message) => this.problem(line, message)), problems: this.problems };
    if (!visible.length) this.problem(1, l10n.t('no questions found: a question is an item of a list under a heading'));
    this.problems.sort((a, b) => a.line - b.line);
    return bank;
  }

  private problem(line: number, message: string): void {
    this.problems.push({ line: Math.min(Math.max(1, line), this.lineCount), message });
  }

  private line(node: md.Node): number {
    const l = node.position?.start.line ?? 1;
    return Math.min(Math.max(1, l), this.lineCount);
  }

  private listQuestions(list: md.List, into: DraftSection): void {
    const literal = list.children.map((item) => this.literalNumber(item));
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

  private literalNumber(item: md.ListItem): number | undefined {
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

    let head: Inline[] = [];
    const detailBlocks: Block[] = [];
    const [first, ...rest] = children;
    if (first?.type === 'paragraph') {
      const at = first.children.findIndex((n) => n.type === 'break');
      const questionPart = at < 0 ? first.children : first.children.slice(0, at);
      head = this.md.inlines(questionPart, 0);
      if (at >= 0) {
        const tail = trimInlines(this.md.inlines(first.children.slice(at + 1), 0));
        if (tail.length) detailBlocks.push({ t: 'p', c: tail });
      }
    } else if (first) {
      head = [{ t: 'text', v: this.md.plainText([first]) }];
    }
    for (const block of rest) detailBlocks.push(...this.md.blocks([block], 0));

    head = trimInlines(head);
    // Bold around the whole question is presentation, not text.
    if (head.length === 1 && head[0].t === 'strong') head = trimInlines(head[0].c);
    const text = collapse(plainInline(head));
    if (!text) {
      this.problem(line, l10n.t('a list item with no question text was skipped'));
      return undefined;
    }

    let pinned: string | undefined;
    for (const pin of pins) {
      if (!VALID_PIN.test(pin)) this.problem(line, l10n.t('pinned id "{0}" is not valid: use letters, digits, ".", "_", ":" or "-"', pin.slice(0, 60)));
      else if (pinned === undefined) pinned = pin;
      else this.problem(line, l10n.t('more than one pinned id in this question; "{0}" is used', pinned));
    }
    return {
      question: {
        id: '',
        text,
        rich: head,
        details: plainBlocks(detailBlocks),
        richDetails: detailBlocks,
        done,
        line,
      },
      pinned,
    };
  }



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

