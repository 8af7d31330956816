// Bytes -> Bank on the calling thread: decoding with a problem for bytes that are not UTF-8.
import * as l10n from '@vscode/l10n';
import { parseBank } from './parse';
import type { Bank } from './model';

/** Decodes a bank's bytes as UTF-8, with a problem naming the first line that is not UTF-8. */
export function decodeBank(bytes: Buffer): { text: string; problem?: { line: number; message: string } } {
  const text = bytes.toString('utf8');
  // Valid UTF-8 survives a round trip byte for byte (buffer.isUtf8 needs Node 18.14; VS Code 1.80 has 16).
  if (Buffer.from(text, 'utf8').equals(bytes)) return { text };
  const bad = text.indexOf('\ufffd');
  const line = text.slice(0, Math.max(0, bad)).split('\n').length;
  return { text, problem: { line, message: l10n.t('the file is not valid UTF-8 text: it may be binary; unreadable bytes are shown as �') } };
}

/** Decodes and parses, on whatever thread calls it. */
export function parseDecoded(bytes: Buffer, fallbackTitle: string): Bank {
  const { text, problem } = decodeBank(bytes);
  const bank = parseBank(text, { fallbackTitle });
  if (problem) {
    bank.problems.unshift(problem);
    bank.problems.sort((a, b) => a.line - b.line);
  }
  return bank;
}
