// The question-bank model: plain data, no 'vscode', safe to send to a webview as JSON.

/** Inline Markdown kept in a small closed vocabulary so the page can render it safely. */
export type Inline =
  | { t: 'text'; v: string }
  | { t: 'code'; v: string }
  | { t: 'em'; c: Inline[] }
  | { t: 'strong'; c: Inline[] }
  | { t: 'link'; href: string; c: Inline[] }
  | { t: 'br' };

/** Block Markdown of a question's details, in the same closed vocabulary. */
export type Block =
  | { t: 'p'; c: Inline[] }
  | { t: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { t: 'code'; lang: string; v: string }
  | { t: 'quote'; c: Block[] }
  | { t: 'h'; depth: number; c: Inline[] }
  | { t: 'table'; head: Inline[][]; rows: Inline[][][] }
  | { t: 'hr' };

export interface Question {
  /** Stable id: progress and notes are keyed by it. */
  id: string;
  /** Plain text of the question, for labels and search. */
  text: string;
  /** The question with its inline Markdown. */
  rich: Inline[];
  /** Plain text of the explanatory lines under the question; empty when there are none. */
  details: string;
  /** The details with their Markdown. */
  richDetails: Block[];
  /** Plain text of the bank's own answer (what it says under the question); empty when none. */
  answer: string;
  /** The answer with its Markdown: shown only when the learner asks for it. */
  richAnswer: Block[];
  /** Marked `**done**` by the bank's author. */
  done: boolean;
  /** 1-based source line of the list item. */
  line: number;
}

export interface Section {
  id: string;
  /** The heading's plain text, word for word. */
  title: string;
  /** Heading depth 1-6, or 0 for the synthetic section of questions before any heading. */
  depth: number;
  line: number;
  questions: Question[];
  sections: Section[];
}

export interface Problem {
  line: number;
  message: string;
}

/** Why a bank has no question: `links`, it is a list of links (an index page); `none`, nothing in it reads as one. */
export type NoQuestions = 'links' | 'none';

export interface Bank {
  title: string;
  sections: Section[];
  problems: Problem[];
  /** Why a bank has no question, only when it has none: a list of links, or nothing that reads as one. */
  noQuestions?: NoQuestions;
}

/** Every question of a bank in reading order, with the sections leading to it. */
export interface QuestionEntry {
  question: Question;
  path: Section[];
}

export function* walkSections(sections: readonly Section[], path: Section[] = []): Generator<{ section: Section; path: Section[] }> {
  for (const section of sections) {
    const here = [...path, section];
    yield { section, path: here };
    yield* walkSections(section.sections, here);
  }
}

export function listQuestions(bank: Bank): QuestionEntry[] {
  const out: QuestionEntry[] = [];
  for (const { section, path } of walkSections(bank.sections)) {
    for (const question of section.questions) out.push({ question, path });
  }
  return out;
}

export function countQuestions(section: Section): number {
  let n = section.questions.length;
  for (const s of section.sections) n += countQuestions(s);
  return n;
}
