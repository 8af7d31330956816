// A parsed bank as lines of JSON (NDJSON): a header with the section tree, then the questions
// in batches. Reading it back one line per macrotask keeps the extension host responsive even
// for banks of tens of thousands of questions; the build writes the bundled bank this way.
import type { BankIo } from './io';
import { listQuestions, type Bank, type NoQuestions, type Problem, type Question, type Section } from './model';

/** Bump when the parser's output for the same input changes: cached banks are then parsed again. */
export const PARSER_VERSION = 4;
const FORMAT = 1;
const BATCH = 250;

interface SectionShape {
  id: string;
  title: string;
  depth: number;
  line: number;
  /** Number of questions directly in the section. */
  n: number;
  sections: SectionShape[];
}

interface Header {
  format: number;
  key: string;
  title: string;
  problems: Problem[];
  noQuestions?: NoQuestions;
  sections: SectionShape[];
  total: number;
}

/** The cache key of a bank: its bytes, the title it falls back to, and the parser's version. */
export function bankKey(io: Pick<BankIo, 'sha256'>, bytes: Uint8Array, fallbackTitle: string, format?: string): Promise<string> {
  return io.sha256([`${PARSER_VERSION}\u0000${fallbackTitle}\u0000${format ? `${format}\u0000` : ''}`, bytes]);
}

export function bankToLines(bank: Bank, key: string): string[] {
  const shape = (s: Section): SectionShape => ({
    id: s.id,
    title: s.title,
    depth: s.depth,
    line: s.line,
    n: s.questions.length,
    sections: s.sections.map(shape),
  });
  // listQuestions walks sections in pre-order, the order linesToBank hands them back in.
  const questions = listQuestions(bank).map((e) => e.question);
  const header: Header = {
    format: FORMAT,
    key,
    title: bank.title,
    problems: bank.problems,
    ...(bank.noQuestions ? { noQuestions: bank.noQuestions } : {}),
    sections: bank.sections.map(shape),
    total: questions.length,
  };
  const lines = [JSON.stringify(header)];
  for (let i = 0; i < questions.length; i += BATCH) lines.push(JSON.stringify(questions.slice(i, i + BATCH)));
  return lines;
}

/** Yields to the event loop: setImmediate lets timers and I/O run between batches (a timer where there is none: the browser). */
export const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

/** Characters encoded between two pauses: a cache of tens of MB is never one long block. */
const ENCODE_PAUSE_AT = 1 << 20;

/** The lines as UTF-8, each ended by a newline, encoded a line at a time with a pause every MB. */
export async function encodeLines(lines: readonly string[], pause = yieldToEventLoop): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let size = 0;
  let sincePause = 0;
  for (const line of lines) {
    const part = encoder.encode(line + '\n');
    parts.push(part);
    size += part.length;
    sincePause += part.length;
    if (sincePause > ENCODE_PAUSE_AT) {
      sincePause = 0;
      await pause();
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

/** The lines of UTF-8 bytes, decoded one at a time: a large cache never becomes one string. */
export function* decodeLines(bytes: Uint8Array): Generator<string> {
  const decoder = new TextDecoder();
  for (let start = 0; start < bytes.length;) {
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.length;
    yield decoder.decode(bytes.subarray(start, end));
    start = end + 1;
  }
}

/**
 * Rebuilds a bank from its lines, one line per turn of the event loop. Returns undefined when
 * the lines are not a cached bank with this key (stale, damaged or from another version).
 */
export async function linesToBank(
  lines: AsyncIterable<string> | Iterable<string>,
  key: string,
  pause = yieldToEventLoop,
): Promise<Bank | undefined> {
  let header: Header | undefined;
  const questions: Question[] = [];
  for await (const line of lines) {
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return undefined;
    }
    if (!header) {
      const h = value as Header;
      if (!h || h.format !== FORMAT || h.key !== key || !Array.isArray(h.sections)) return undefined;
      header = h;
    } else {
      if (!Array.isArray(value)) return undefined;
      for (const q of value as Question[]) questions.push(q);
    }
    await pause();
  }
  if (!header || questions.length !== header.total) return undefined;
  let next = 0;
  const build = (s: SectionShape): Section => {
    const own = questions.slice(next, next + s.n);
    next += s.n;
    return { id: s.id, title: s.title, depth: s.depth, line: s.line, questions: own, sections: s.sections.map(build) };
  };
  // Questions were written in the same pre-order walk, section by section.
  const sections = header.sections.map(build);
  return { title: header.title, problems: header.problems, sections, ...(header.noQuestions ? { noQuestions: header.noQuestions } : {}) };
}
