// Flashcards as banks: CSV and TSV of question and answer (an Anki "Notes in Plain Text" export
// too, with its `#` header lines), Obsidian Spaced Repetition's Markdown cards (`Q::A`, `Q:::A`,
// a card of several lines split by a line `?` or `??`) and one-line `question :: answer` cards.
// Each card is a question with its answer, hidden until asked like any bank's; sections come
// from the deck, a tags column, `#flashcards/…` tags or headings. Everything a file holds is
// read as text: an HTML field is shown as the text it displays, never as HTML. Pure: no 'vscode'.
import * as l10n from '@vscode/l10n';
import type { Bank, Block, Inline, Question } from './model';
import { assignIds, type DraftSection } from './ids';
import { htmlText } from './markdown';

export type { TableFormat };

import type { TableFormat } from './formats';

/** A row of a table and the line it starts on (1-based). */
interface Row {
  line: number;
  cells: string[];
}

/**
 * Splits delimited text into rows as RFC 4180 reads them: a field in double quotes may hold the
 * separator, new lines and doubled quotes; CRLF or LF ends a row. A quote left open is a problem
 * at the line it opened on, and the rest of the file is that field.
 */
export function splitRows(
  text: string,
  separator: string,
  firstLine = 1,
): { rows: Row[]; problems: Array<{ line: number; message: string }> } {
  const rows: Row[] = [];
  const problems: Array<{ line: number; message: string }> = [];
  let line = firstLine;
  let cells: string[] = [];
  let cell = '';
  let rowLine = line;
  let i = 0;
  const endRow = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '"' && cell === '') {
      const opened = line;
      let j = i + 1;
      let value = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          value += text.slice(j);
          problems.push({ line: opened, message: l10n.t('a quoted field is never closed: the rest of the file was read into it') });
          j = text.length;
          break;
        }
        value += text.slice(j, q);
        if (text[q + 1] === '"') {
          value += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      line += (value.match(/\n/g) ?? []).length;
      cell = value.replace(/\r\n/g, '\n');
      i = j;
      // Anything after the closing quote up to the separator stays in the field, as typed.
      while (i < text.length && text[i] !== separator && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
      continue;
    }
    if (c === separator) {
      cells.push(cell);
      cell = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      endRow();
      i += 2;
      rowLine = ++line;
    } else if (c === '\n' || c === '\r') {
      endRow();
      i++;
      rowLine = ++line;
    } else {
      cell += c;
      i++;
    }
  }
  if (cell !== '' || cells.length) endRow();
  return { rows, problems };
}

/** Anki's `#key:value` header lines at the top of a text file. */
interface Header {
  separator?: string;
  html?: boolean;
  /** 1-based columns. */
  tags?: number;
  deck?: number;
  guid?: number;
  notetype?: number;
  columns?: string[];
  /** Lines the header took. */
  lines: number;
}

const SEPARATORS: Record<string, string> = { tab: '\t', comma: ',', semicolon: ';', pipe: '|', space: ' ', colon: ':' };

function readHeader(lines: string[]): Header {
  const header: Header = { lines: 0 };
  for (const raw of lines) {
    const m = /^#([a-z ]+):(.*)$/i.exec(raw.replace(/\r$/, ''));
    if (!m) break;
    header.lines++;
    const key = m[1].trim().toLowerCase();
    const value = m[2].trim();
    const column = Number.parseInt(value, 10);
    if (key === 'separator') header.separator = SEPARATORS[value.toLowerCase()] ?? (value.length === 1 ? value : undefined);
    else if (key === 'html') header.html = value.toLowerCase() === 'true';
    else if (key === 'tags column' && column > 0) header.tags = column;
    else if (key === 'deck column' && column > 0) header.deck = column;
    else if (key === 'guid column' && column > 0) header.guid = column;
    else if (key === 'notetype column' && column > 0) header.notetype = column;
    else if (key === 'columns') header.columns = value.split(header.separator ?? '\t').map((c) => c.trim().toLowerCase());
  }
  return header;
}

/** Names of a header row's columns that say what they hold. */
const QUESTION_NAMES = ['question', 'front', 'q', 'prompt', 'term'];
const ANSWER_NAMES = ['answer', 'back', 'a', 'definition'];
const SECTION_NAMES = ['section', 'deck', 'topic', 'category'];
const TAG_NAMES = ['tags', 'tag'];
const ID_NAMES = ['id', 'guid'];

/** The text of an HTML field, line by line: its block breaks kept as lines, every tag dropped. */
export function htmlFieldLines(html: string): string[] {
  return html
    .replace(/<\/?(b|i|u|em|strong|span|code|a|font|sup|sub|small|mark|kbd|s)(\s[^>]*)?>/gi, '')
    .replace(/<br\s*\/?>|<\/?(div|p|li|h[1-6]|tr|pre|blockquote|hr|ul|ol|table)(\s[^>]*)?>/gi, '\n')
    .split('\n')
    .map(htmlText)
    .filter((l) => l !== '');
}

const textLines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

interface Card {
  line: number;
  question: string;
  answer: string[];
  /** Sections from the outside in. */
  path: string[];
  id?: string;
}

function toQuestion(card: Card): Question {
  // One paragraph, its lines kept as line breaks (as the card showed them).
  const lines: Inline[] = card.answer.flatMap((v, i): Inline[] => (i ? [{ t: 'br' }, { t: 'text', v }] : [{ t: 'text', v }]));
  const answer: Block[] = lines.length ? [{ t: 'p', c: lines }] : [];
  return {
    id: '',
    text: card.question,
    rich: [{ t: 'text', v: card.question }],
    details: '',
    richDetails: [],
    answer: card.answer.join('\n'),
    richAnswer: answer,
    done: false,
    line: card.line,
  };
}

/** Cards to a bank: sections by path (in the order first met), questions numbered in each. */
function cardsToBank(cards: Card[], title: string, problems: Bank['problems']): Bank {
  const top: DraftSection[] = [];
  const byPath = new Map<string, DraftSection>();
  const sectionOf = (path: string[], line: number): DraftSection => {
    const names = path.length ? path : [title];
    let list = top;
    let section: DraftSection | undefined;
    for (let i = 0; i < names.length; i++) {
      const key = names.slice(0, i + 1).join('\u0000');
      section = byPath.get(key);
      if (!section) {
        section = { title: names[i], depth: i + 1, line, questions: [], sections: [] };
        byPath.set(key, section);
        list.push(section);
      }
      list = section.sections;
    }
    return section!;
  };
  for (const card of cards) {
    const section = sectionOf(card.path, card.line);
    section.questions.push({ question: toQuestion(card), number: section.questions.length + 1, ...(card.id ? { pinned: card.id } : {}) });
  }
  const bank: Bank = { title, sections: assignIds(top, (line, message) => problems.push({ line, message })), problems };
  if (!cards.length) {
    bank.noQuestions = 'none';
    problems.push({
      line: 1,
      message: l10n.t('no cards found: each row needs a question in its first column (or one named Question or Front)'),
    });
  }
  problems.sort((a, b) => a.line - b.line);
  return bank;
}

/** An id a guid column gives, as ids go (no white space, at most 100 characters). */
const cleanId = (v: string) => v.trim().replace(/\s+/g, '-').slice(0, 100);

/** A tag or deck name to a section path: Anki's `::` and a tag's `/` nest. */
const pathOf = (v: string) =>
  v
    .split(/::|\//)
    .map((s) => s.replace(/_/g, ' ').trim())
    .filter(Boolean);

/** Reads a CSV or TSV file (an Anki plain-text export too) as a bank. */
export function parseTable(text: string, o: { format: TableFormat; fallbackTitle: string }): Bank {
  const source = text.replace(/^\ufeff/, '');
  const lines = source.split('\n');
  const header = readHeader(lines);
  const body = lines.slice(header.lines).join('\n');
  const firstLine = lines.slice(header.lines).find((l) => l.trim() !== '') ?? '';
  const separator = header.separator ?? (o.format === 'csv' ? ',' : firstLine.includes('\t') || !firstLine.includes(',') ? '\t' : ',');
  const { rows, problems } = splitRows(body, separator, header.lines + 1);
  // A first row of column names (Question, Answer, Tags…) says which column holds what.
  const names = (header.columns ?? []).length ? header.columns! : undefined;
  const first = rows[0]?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  const named = names ?? (first.some((c) => QUESTION_NAMES.includes(c)) ? first : undefined);
  if (named && !names) rows.shift();
  const find = (list: string[]) => (named ? named.findIndex((c) => list.includes(c)) : -1);
  const at = (n: number | undefined) => (n === undefined ? -1 : n - 1);
  let q = find(QUESTION_NAMES);
  let a = find(ANSWER_NAMES);
  const used = new Set([at(header.tags), at(header.deck), at(header.guid), at(header.notetype)]);
  if (q < 0) q = [0, 1, 2, 3].find((i) => !used.has(i)) ?? 0;
  if (a < 0) a = [0, 1, 2, 3, 4].find((i) => i !== q && !used.has(i)) ?? 1;
  const section = header.deck !== undefined ? at(header.deck) : find(SECTION_NAMES);
  const tags = header.tags !== undefined ? at(header.tags) : find(TAG_NAMES);
  const guid = header.guid !== undefined ? at(header.guid) : find(ID_NAMES);
  const field = (v: string | undefined) => (header.html ? htmlFieldLines(v ?? '') : textLines(v ?? ''));
  const cards: Card[] = [];
  for (const row of rows) {
    const question = field(row.cells[q]).join(' ');
    if (!question) {
      if (row.cells.some((c) => c.trim())) problems.push({ line: row.line, message: l10n.t('a row without a question was skipped') });
      continue;
    }
    const deck = section >= 0 ? pathOf(row.cells[section] ?? '') : [];
    const tag = tags >= 0 ? (row.cells[tags] ?? '').trim().split(/\s+/).filter(Boolean)[0] : undefined;
    cards.push({
      line: row.line,
      question,
      answer: field(row.cells[a]),
      path: deck.length ? deck : tag ? pathOf(tag) : [],
      ...(guid >= 0 && row.cells[guid]?.trim() ? { id: cleanId(row.cells[guid]) } : {}),
    });
  }
  return cardsToBank(cards, o.fallbackTitle, problems);
}

/** True for Markdown meant as cards: an Obsidian `#flashcards` tag, or the override comment. */
export function isMarkdownCards(text: string): boolean {
  return /(^|\s)#flashcards(\/[^\s#]*)?(?=\s|$)/m.test(text) || /<!--\s*questions:\s*cards\s*-->/i.test(text);
}

/** Obsidian Spaced Repetition's scheduling comments: read as nothing (its history stays in Obsidian). */
const SR_COMMENT = /<!--SR:[^>]*-->/g;

/**
 * Reads Markdown cards: `Question::Answer` and `Question:::Answer` on a line (`question :: answer`
 * too), and a card of several lines whose question and answer a line `?` or `??` splits, ending
 * at a blank line. `#flashcards/a/b` tags and headings give sections; other lines are skipped.
 */
export function parseMarkdownCards(text: string, fallbackTitle: string): Bank {
  const lines = text
    .replace(/^\ufeff/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const cards: Card[] = [];
  const problems: Bank['problems'] = [];
  let deck: string[] = [];
  let heading: string | undefined;
  const path = () => [...deck, ...(heading ? [heading] : [])];
  let block: Array<{ text: string; line: number }> = [];
  let inFence = false;
  const flush = () => {
    const split = block.findIndex((l) => l.text === '?' || l.text === '??');
    if (split > 0) {
      const question = block
        .slice(0, split)
        .map((l) => l.text)
        .join(' ');
      cards.push({ line: block[0].line, question, answer: block.slice(split + 1).map((l) => l.text), path: path() });
    }
    block = [];
  };
  lines.forEach((raw, i) => {
    const line = i + 1;
    const textLine = raw.replace(SR_COMMENT, '').trim();
    if (/^(```|~~~)/.test(textLine)) inFence = !inFence;
    if (inFence) return;
    const tag = /(?:^|\s)#flashcards((?:\/[^\s#]+)?)/.exec(textLine);
    if (tag) {
      deck = pathOf(tag[1].replace(/^\//, ''));
      const rest = textLine.replace(/(?:^|\s)#flashcards(?:\/[^\s#]+)?/g, '').trim();
      if (!rest) return;
    }
    const h = /^#{1,6}\s+(.*)$/.exec(textLine);
    if (h) {
      flush();
      heading = h[1].trim() || undefined;
      return;
    }
    if (!textLine) return flush();
    const one = /^(.+?)\s*:{2,3}\s*(.+)$/.exec(textLine.replace(/(?:^|\s)#flashcards(?:\/[^\s#]+)?/g, '').trim());
    if (one && !block.length) {
      cards.push({ line, question: one[1].replace(/^[-*+]\s+|^\d+[.)]\s+/, '').trim(), answer: [one[2].trim()], path: path() });
      return;
    }
    block.push({ text: textLine, line });
  });
  flush();
  return cardsToBank(cards, fallbackTitle, problems);
}
