// Finding a question: a MiniSearch index of each question's text, id, details, the bank's answer
// and the learner's note, ranked by relevance (whole words above prefixes above near misses; a
// phrase found as typed above its words found apart). Built once per bank, updated as notes
// change. Pure: no 'vscode'.
import MiniSearch from 'minisearch';
import type { QuestionEntry } from '../bank/model';

export type Field = 'text' | 'qid' | 'details' | 'answer' | 'note';

export interface Hit {
  id: string;
  score: number;
  /** Which parts matched, the question's own first. */
  fields: Field[];
}

interface Doc {
  key: string;
  qid: string;
  text: string;
  details: string;
  answer: string;
  note: string;
}

const FIELDS: Field[] = ['text', 'qid', 'details', 'answer', 'note'];
const BOOST: Record<Field, number> = { text: 3, qid: 4, details: 1, answer: 1, note: 1.5 };

export class QuestionSearch {
  private readonly index = new MiniSearch<Doc>({
    idField: 'key',
    fields: FIELDS,
    // "4B.3" is searched as its parts; words as MiniSearch splits them (Unicode letters and digits).
    tokenize: (text) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean),
    searchOptions: {
      boost: BOOST,
      prefix: (term) => term.length >= 2,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      combineWith: 'AND',
    },
  });
  private readonly docs = new Map<string, Doc>();

  constructor(entries: readonly QuestionEntry[], noteOf: (id: string) => string) {
    const docs = entries.map(({ question: q }) => ({
      key: q.id,
      qid: q.id,
      text: q.text,
      details: q.details,
      answer: q.answer,
      note: noteOf(q.id),
    }));
    for (const d of docs) this.docs.set(d.key, d);
    this.index.addAll(docs);
  }

  /** The learner's note on a question changed: it is searched as it is now. */
  setNote(id: string, note: string): void {
    const doc = this.docs.get(id);
    if (!doc || doc.note === note) return;
    const next = { ...doc, note };
    this.index.replace(next);
    this.docs.set(id, next);
  }

  /** The questions matching every word of the query, best first. */
  search(query: string, limit = 200): Hit[] {
    const q = query.trim();
    if (!q) return [];
    const phrase = q.toLowerCase();
    const hits = this.index.search(q).map((r) => {
      const fields = new Set<Field>();
      for (const matched of Object.values(r.match)) for (const f of matched) fields.add(f as Field);
      const doc = this.docs.get(String(r.id))!;
      // The words as typed, side by side: above the same words found apart.
      const asTyped = FIELDS.filter((f) => doc[f].toLowerCase().includes(phrase));
      for (const f of asTyped) fields.add(f);
      const score = r.score * (asTyped.length ? 1 + Math.max(...asTyped.map((f) => BOOST[f])) / 2 : 1);
      return { id: String(r.id), score, fields: FIELDS.filter((f) => fields.has(f)) };
    });
    hits.sort((a, b) => b.score - a.score);
    return hits.slice(0, limit);
  }
}
