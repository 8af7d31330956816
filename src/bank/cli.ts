// The bank checker for authors: `npm run --silent bank -- [FILE]` prints the parsed bank as JSON.
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { noQuestionsWhy, shapesRead } from './parse';
import { parseDecoded } from './decode';
import { tableFormatOf } from './formats';
import type { Section } from './model';
import { BUNDLED_BANK_FILE } from './bundled';

function view(section: Section): unknown {
  return {
    id: section.id,
    title: section.title,
    line: section.line,
    questions: section.questions.map((q) => ({
      id: q.id,
      text: q.text,
      done: q.done,
      line: q.line,
      ...(q.details ? { details: q.details } : {}),
      ...(q.answer ? { answer: q.answer } : {}),
    })),
    sections: section.sections.map(view),
  };
}

/** Where the checker writes: the JSON, and the one-line messages. */
export interface Output {
  write(text: string): unknown;
}

export function main(argv: string[], root: string, out: Output = process.stdout, messages: Output = process.stderr): number {
  const file = resolve(argv[0] ?? resolve(root, BUNDLED_BANK_FILE));
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (err as Error).message;
    messages.write(`bank: cannot read ${file}: ${why}\n`);
    return 2;
  }
  // Read as the extension reads it: Markdown, cards, or a table of cards by the file's name.
  const bank = parseDecoded(bytes, basename(file).replace(/\.[^.]*$/, ''), tableFormatOf(file));
  const { title, noQuestions, problems } = bank;
  out.write(
    JSON.stringify({ title, sections: bank.sections.map(view), problems, ...(noQuestions ? { noQuestions } : {}) }, null, 2) + '\n',
  );
  // The view's words for a bank with none: which file, why, and what is read as a question.
  if (noQuestions) messages.write(`bank: no questions found in ${basename(file)}: ${noQuestionsWhy(noQuestions)}. ${shapesRead()}\n`);
  return 0;
}
