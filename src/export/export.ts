// Export Notes: one readable Markdown file of a bank's notes. The bank's title, its sections as
// headings, and each question that has a note or is done: its id, text, done state and the
// note verbatim inside a block quote, so a note's own headings, lists and code fences (even an
// unclosed one) stay inside it and cannot break the document's structure. Pure: no 'vscode'.
import { walkSections, type Bank, type Question, type Section } from '../bank/model';

export interface ExportSource {
  bank: Bank;
  note(id: string): string;
  isDone(id: string): boolean;
  /** The replies Check My Answer kept for a question, oldest first (none when not given). */
  feedback?(id: string): readonly { at: number; model: string; text: string }[];
  /** When the export was made, for its first lines. */
  at: Date;
}

export function exportNotes(o: ExportSource): { markdown: string; questions: number } {
  const out: string[] = [`# ${inline(o.bank.title)}: notes`, '', `Exported ${o.at.toISOString().slice(0, 16).replace('T', ' ')} UTC.`];
  let questions = 0;
  const replies = (q: Question) => o.feedback?.(q.id) ?? [];
  const kept = (q: Question) => o.note(q.id) !== '' || o.isDone(q.id) || replies(q).length > 0;
  const holds = (s: Section): boolean => s.questions.some(kept) || s.sections.some(holds);
  for (const { section, path } of walkSections(o.bank.sections)) {
    if (!holds(section)) continue;
    const depth = Math.min(path.length + 1, 5);
    out.push('', `${'#'.repeat(depth)} ${inline(section.title)}`);
    for (const q of section.questions.filter(kept)) {
      questions++;
      const note = o.note(q.id);
      out.push(
        '',
        `${'#'.repeat(Math.min(depth + 1, 6))} ${inline(q.id)} · ${inline(q.text)}`,
        '',
        o.isDone(q.id) ? '- [x] Done' : '- [ ] Not done yet',
      );
      if (note) out.push('', quote(note));
      for (const r of replies(q))
        out.push(
          '',
          `Feedback from ${inline(r.model)}, ${new Date(r.at).toISOString().slice(0, 16).replace('T', ' ')} UTC:`,
          '',
          quote(r.text),
        );
    }
  }
  if (!questions) out.push('', 'No notes yet, and nothing done.');
  return { markdown: out.join('\n') + '\n', questions };
}

/** Text on one line of a heading: line breaks become spaces, a trailing `#` run is kept as text. */
function inline(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/#+\s*$/, (m) => m.replace(/#/g, '\\#'));
}

/** Every line of the note behind `> `, blank lines as `>`: the quote holds the whole note. */
export function quote(note: string): string {
  return note
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}
