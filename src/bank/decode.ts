// Bytes -> Bank on the calling thread: decoding with a problem for bytes that are not UTF-8.
import * as l10n from '@vscode/l10n';
import { parseBank } from './parse';
import { isMarkdownCards, parseMarkdownCards, parseTable, type TableFormat } from './cards';
import type { Bank } from './model';

function parseMarkdown(text: string, fallbackTitle: string): Bank {
  if (isMarkdownCards(text)) return parseMarkdownCards(text, fallbackTitle);
  const bank = parseBank(text, { fallbackTitle });
  if (!bank.noQuestions) return bank;
  const cards = parseMarkdownCards(text, fallbackTitle);
  return cards.noQuestions ? bank : cards;
}

/**
 * Decodes a bank's bytes as UTF-8, with a problem naming the first line that is not UTF-8.
 * TextDecoder, not Buffer: the browser's extension host has no Buffer.
 */
export function decodeBank(bytes: Uint8Array): { text: string; problem?: { line: number; message: string } } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    // Not UTF-8: decoded with replacement characters, and the first one's line named.
  }
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const bad = text.indexOf('\ufffd');
  const line = text.slice(0, Math.max(0, bad)).split('\n').length;
  return {
    text,
    problem: { line, message: l10n.t('the file is not valid UTF-8 text: it may be binary; unreadable bytes are shown as �') },
  };
}

/**
 * Decodes and parses, on whatever thread calls it: a table (`format`, from the file's name) as
 * cards; Markdown as cards when it says so (a `#flashcards` tag, `<!-- questions: cards -->`) or
 * when it holds cards and nothing the Markdown reader takes for a question; else as Markdown.
 */
export function parseDecoded(bytes: Uint8Array, fallbackTitle: string, format?: TableFormat): Bank {
  const { text, problem } = decodeBank(bytes);
  const bank = format ? parseTable(text, { format, fallbackTitle }) : parseMarkdown(text, fallbackTitle);
  if (problem) {
    bank.problems.unshift(problem);
    bank.problems.sort((a, b) => a.line - b.line);
  }
  return bank;
}
