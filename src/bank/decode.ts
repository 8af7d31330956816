// Bytes -> Bank on the calling thread: decoding with a problem for bytes that are not UTF-8.
import * as l10n from '@vscode/l10n';
import { parseBank } from './parse';
import type { Bank } from './model';

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

/** Decodes and parses, on whatever thread calls it. */
export function parseDecoded(bytes: Uint8Array, fallbackTitle: string): Bank {
  const { text, problem } = decodeBank(bytes);
  const bank = parseBank(text, { fallbackTitle });
  if (problem) {
    bank.problems.unshift(problem);
    bank.problems.sort((a, b) => a.line - b.line);
  }
  return bank;
}
