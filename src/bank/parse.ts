// Markdown -> Bank. Pure: never imports 'vscode', never throws (see parseBank).
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type * as md from 'mdast';
import type { Bank, Block, Inline, Problem, Question, Section } from './model';

export interface ParseOptions {
  /** Title used when the document has no single top-level heading (for example the file name). */
  fallbackTitle?: string;
}

/** A list item that is a question, before ids are assigned. */
interface DraftQuestion {
  question: Question;
  /** The number the author wrote, or the item's position when the list is not numbered. */
  number: number;
  pinned?: string;
}

interface DraftSection {
  title: string;
  depth: number;
  line: number;
  /** "2A" for "2A. Django ORM": the author's own numbering, used for ids. */
  number?: string;
  questions: DraftQuestion[];
  sections: DraftSection[];
}

/** Deeper Markdown nesting than this is flattened to text: keeps recursion bounded on hostile input. */
const MAX_DEPTH = 40;
const PIN = /^<!--\s*id\s*:\s*([\s\S]*?)\s*-->$/i;
const VALID_PIN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
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
      problems: [{ line: 1, message: `the bank could not be parsed: ${err instanceof Error ? err.message : String(err)}` }],
    };
  }
}

class Parser {
  private readonly problems: Problem[] = [];
  private readonly definitions = new Map<string, string>();
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
      this.problem(lineOf(this.text, this.text.indexOf('\u0000')), 'the file contains NUL bytes: it looks binary, not Markdown');
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
        const title = collapse(plainInline(this.inlines(node.children, 0)));
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
    const bank: Bank = { title, sections: this.assignIds(visible), problems: this.problems };
    if (!visible.length) this.problem(1, 'no questions found: a question is an item of a list under a heading');
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
          this.problem(question.question.line, `question number ${number} repeats in this list (first at line ${first})`);
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
    const children = this.strip(item.children, pins, () => (done = true), 0) as md.BlockContent[];

    let head: Inline[] = [];
    const detailBlocks: Block[] = [];
    const [first, ...rest] = children;
    if (first?.type === 'paragraph') {
      const at = first.children.findIndex((n) => n.type === 'break');
      const questionPart = at < 0 ? first.children : first.children.slice(0, at);
      head = this.inlines(questionPart, 0);
      if (at >= 0) {
        const tail = trimInlines(this.inlines(first.children.slice(at + 1), 0));
        if (tail.length) detailBlocks.push({ t: 'p', c: tail });
      }
    } else if (first) {
      head = [{ t: 'text', v: this.plainBlocks([first]) }];
    }
    for (const block of rest) detailBlocks.push(...this.blocks([block], 0));

    head = trimInlines(head);
    // Bold around the whole question is presentation, not text.
    if (head.length === 1 && head[0].t === 'strong') head = trimInlines(head[0].c);
    const text = collapse(plainInline(head));
    if (!text) {
      this.problem(line, 'a list item with no question text was skipped');
      return undefined;
    }

    let pinned: string | undefined;
    for (const pin of pins) {
      if (!VALID_PIN.test(pin)) this.problem(line, `pinned id "${pin.slice(0, 60)}" is not valid: use letters, digits, ".", "_", ":" or "-"`);
      else if (pinned === undefined) pinned = pin;
      else this.problem(line, `more than one pinned id in this question; "${pinned}" is used`);
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

  /** Removes id pins and `**done**` markers from a subtree, reporting each. */
  private strip(nodes: md.RootContent[], pins: string[], markDone: () => void, depth: number): md.RootContent[] {
    const out: md.RootContent[] = [];
    for (const node of nodes) {
      if (node.type === 'html') {
        const pin = PIN.exec(node.value.trim());
        if (pin) {
          pins.push(pin[1]);
          continue;
        }
      }
      if (node.type === 'strong' && collapse(plainMd(node)).toLowerCase() === 'done') {
        markDone();
        continue;
      }
      if ('children' in node && depth < MAX_DEPTH) {
        out.push({ ...node, children: this.strip(node.children as md.RootContent[], pins, markDone, depth + 1) } as md.RootContent);
      } else out.push(node);
    }
    return out;
  }

  private inlines(nodes: readonly md.RootContent[], depth: number): Inline[] {
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
          if (!/^<!--[\s\S]*-->$/.test(node.value.trim())) push({ t: 'text', v: node.value });
          break;
        default:
          push({ t: 'text', v: plainMd(node) });
      }
    }
    return out;
  }

  private blocks(nodes: readonly md.RootContent[], depth: number): Block[] {
    const out: Block[] = [];
    for (const node of nodes) {
      if (depth >= MAX_DEPTH) {
        out.push({ t: 'p', c: [{ t: 'text', v: plainMd(node) }] });
        continue;
      }
      switch (node.type) {
        case 'paragraph':
        case 'heading': {
          const c = trimInlines(this.inlines(node.children, depth + 1));
          if (c.length) out.push({ t: 'p', c });
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
          if (!/^<!--[\s\S]*-->$/.test(node.value.trim())) out.push({ t: 'p', c: [{ t: 'text', v: node.value }] });
          break;
        default: {
          const v = plainMd(node);
          if (v.trim()) out.push({ t: 'p', c: [{ t: 'text', v }] });
        }
      }
    }
    return out;
  }

  private plainBlocks(nodes: md.RootContent[]): string {
    return collapse(plainBlocks(this.blocks(nodes, 0)));
  }

  /** Turns drafts into sections with ids unique in the bank; pinned ids are claimed first. */
  private assignIds(drafts: DraftSection[]): Section[] {
    const used = new Map<string, number>();
    const pinnedAt = new Map<string, number>();
    const allQuestions: DraftQuestion[] = [];
    const collect = (list: DraftSection[]) =>
      list.forEach((d) => {
        allQuestions.push(...d.questions);
        collect(d.sections);
      });
    collect(drafts);
    for (const q of allQuestions) {
      if (q.pinned === undefined) continue;
      const first = pinnedAt.get(q.pinned);
      if (first !== undefined) {
        this.problem(q.question.line, `pinned id "${q.pinned}" is already used at line ${first}; this question gets another id`);
        q.pinned = undefined;
      } else {
        pinnedAt.set(q.pinned, q.question.line);
        used.set(q.pinned, q.question.line);
      }
    }

    const claim = (wanted: string, line: number, what: string): string => {
      let id = wanted;
      for (let n = 2; used.has(id); n++) id = `${wanted}-${n}`;
      if (id !== wanted) {
        this.problem(line, `${what} id "${wanted}" is already used at line ${used.get(wanted)}; this one gets "${id}" (pin an id to keep it stable)`);
      }
      used.set(id, line);
      return id;
    };
    const sectionIds = new Map<string, number>();
    const build = (d: DraftSection): Section => {
      const wanted = d.number ?? slug(d.title);
      let sectionId = wanted;
      for (let n = 2; sectionIds.has(sectionId); n++) sectionId = `${wanted}-${n}`;
      sectionIds.set(sectionId, d.line);
      const questions = d.questions.map((q) => ({
        ...q.question,
        id: q.pinned ?? claim(`${sectionId}.${q.number}`, q.question.line, 'question'),
      }));
      return { id: sectionId, title: d.title, depth: d.depth, line: d.line, questions, sections: d.sections.map(build) };
    };
    return drafts.map(build);
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

export function slug(title: string): string {
  const s = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s || 'section';
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function lineOf(text: string, index: number): number {
  return countLines(text.slice(0, Math.max(0, index)));
}

function plainMd(node: md.Node, depth = 0): string {
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
      case 'hr':
        lines.push(indent + '---');
        break;
    }
  }
  return lines.join('\n');
}

function trimInlines(nodes: Inline[]): Inline[] {
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
