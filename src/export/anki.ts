// Export to Anki and Export Review Log. The bank as an Anki text file, as the Anki manual's
// "Importing text files" reads it: tab-separated, with header lines naming the separator, HTML
// fields, the Basic note type and the deck, tags and guid columns. Front: the question and its
// details; back: the bank's answer and the learner's note. The guid is made from the bank and
// the question's id, so importing again updates the notes instead of adding them twice. Fields
// are HTML made by the page's own renderer (passed in: every text escaped, no raw HTML from the
// bank). And the review log as FSRS's CSV, for fitting FSRS parameters to one's own reviews.
// Pure: no 'vscode'.
import { walkSections, type Bank, type Question } from '../bank/model';
import { slug } from '../bank/ids';
import type { StoredReview } from '../review/record';

export interface AnkiSource {
  bank: Bank;
  bankId: string;
  note(id: string): string;
  isDone(id: string): boolean;
  /** HTML of a question's text and details, and of its answer (escaped, from the page's renderer). */
  front(q: Question): string;
  back(q: Question): string;
  /** HTML of a note (escaped, from the page's renderer); empty for none. */
  noteHtml(text: string): string;
}

/** 53 bits of FNV-1a over the text's UTF-16 units: the same number for the same text, on every machine. */
export function stableHash(text: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 ^ c, 2246822519);
  }
  return (h2 >>> 0) * 2097152 + ((h1 >>> 0) & 0x1fffff);
}

/** The note's guid in Anki: the bank and the question's id, so a new export updates the same note. */
export const ankiGuid = (bankId: string, id: string): string => `dip${stableHash(`${bankId}\u0000${id}`).toString(36)}`;

/** A field as the text format quotes it: in double quotes, its quotes doubled, when it holds a tab, a quote or a line end. */
export function ankiField(value: string): string {
  return /[\t"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A tag: no white space (Anki splits tags on it), `::` for nesting. */
const tag = (s: string) => slug(s);

/** The deck of a question: the bank, then its sections, nested by `::`. */
const deckName = (names: string[]) =>
  names
    .map(
      (n) =>
        n
          .replace(/::/g, ':')
          .replace(/[\t\r\n]+/g, ' ')
          .trim() || '-',
    )
    .join('::');

export const ANKI_HEADER = ['#separator:tab', '#html:true', '#notetype:Basic', '#deck column:3', '#tags column:4', '#guid column:5'];

/** The bank as an Anki text file: every question, with the learner's note on its back. */
export function ankiText(o: AnkiSource): { text: string; notes: number } {
  const lines = [...ANKI_HEADER];
  for (const { section, path } of walkSections(o.bank.sections)) {
    for (const q of section.questions) {
      const note = o.note(q.id);
      const back = [o.back(q), note ? o.noteHtml(note) : ''].filter(Boolean).join('<hr>');
      const tags = ['django-prep', path.map((s) => tag(s.title)).join('::'), ...(o.isDone(q.id) ? ['done'] : [])];
      lines.push(
        [o.front(q), back, deckName([o.bank.title, ...path.map((s) => s.title)]), tags.join(' '), ankiGuid(o.bankId, q.id)]
          .map(ankiField)
          .join('\t'),
      );
    }
  }
  return { text: lines.join('\n') + '\n', notes: lines.length - ANKI_HEADER.length };
}

/** FSRS's review log columns (the FSRS optimizer's revlog CSV). */
export const REVIEW_LOG_COLUMNS = ['card_id', 'review_time', 'review_rating', 'review_state', 'review_duration'];

/**
 * Every review of the bank as FSRS's CSV, oldest first: the card (a number made from the bank and
 * the question's id), when (milliseconds since the epoch), the rating (1–4), the card's state
 * before it (0 new, 1 learning, 2 review, 3 relearning) and how long it took in milliseconds (0:
 * a review's time is not measured).
 */
export function reviewLogCsv(bankId: string, reviews: ReadonlyMap<string, StoredReview>): { csv: string; reviews: number } {
  const rows: Array<[number, number, number, number, number]> = [];
  for (const [id, r] of reviews) {
    const card = stableHash(`${bankId}\u0000${id}`);
    for (const e of r.log) rows.push([card, e.at, e.r, e.s, 0]);
  }
  rows.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  return { csv: [REVIEW_LOG_COLUMNS.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n', reviews: rows.length };
}
