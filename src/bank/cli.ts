// The bank checker for authors: `npm run --silent bank -- [FILE]` prints the parsed bank as JSON.
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseBank } from './parse';
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

export function main(argv: string[], root: string): number {
  const file = resolve(argv[0] ?? resolve(root, BUNDLED_BANK_FILE));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (err as Error).message;
    process.stderr.write(`bank: cannot read ${file}: ${why}\n`);
    return 2;
  }
  const bank = parseBank(text, { fallbackTitle: basename(file).replace(/\.[^.]*$/, '') });
  process.stdout.write(JSON.stringify({ title: bank.title, sections: bank.sections.map(view), problems: bank.problems }, null, 2) + '\n');
  return 0;
}
