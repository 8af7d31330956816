// Ids: a question's id is its section's number (or slug) and its own number ("2B.7"), unless
// the author pinned one; every id is unique in the bank, pinned ids first. Pure: no 'vscode'.
import * as l10n from '@vscode/l10n';
import type { Question, Section } from './model';

/** A list item that is a question, before ids are assigned. */
export interface DraftQuestion {
  question: Question;
  /** The number the author wrote, or the item's position when the list is not numbered. */
  number: number;
  pinned?: string;
}

export interface DraftSection {
  title: string;
  depth: number;
  line: number;
  /** "2A" for "2A. Django ORM": the author's own numbering, used for ids. */
  number?: string;
  questions: DraftQuestion[];
  sections: DraftSection[];
}

export function slug(title: string): string {
  const s = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s || 'section';
}

/**
 * A question's id as shown beside it (the tree, the page's tab): an id made from its section's
 * title ("linear-regression.3") shows only its number ("#3"), since the title is right above it;
 * the author's own numbering ("2B.7") and any other id show whole. The id itself never changes.
 */
export function shownId(id: string): string {
  const m = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(\d+(?:-\d+)?)$/.exec(id);
  return m && /[a-z]{2}/.test(m[1]) ? `#${m[2]}` : id;
}

/** Turns drafts into sections with ids unique in the bank; pinned ids are claimed first. */
export function assignIds(drafts: DraftSection[], problem: (line: number, message: string) => void): Section[] {
  const used = new Map<string, number>();
  const pinnedAt = new Map<string, number>();
  const allQuestions: DraftQuestion[] = [];
  const collect = (list: DraftSection[]) =>
    list.forEach((d) => {
      allQuestions.push(...d.questions);
      collect(d.sections);
    });
  collect(drafts);
  for (const q of allQuestions) {
    if (q.pinned === undefined) continue;
    const first = pinnedAt.get(q.pinned);
    if (first !== undefined) {
      problem(q.question.line, l10n.t('pinned id "{0}" is already used at line {1}; this question gets another id', q.pinned, first));
      q.pinned = undefined;
    } else {
      pinnedAt.set(q.pinned, q.question.line);
      used.set(q.pinned, q.question.line);
    }
  }

  const claim = (wanted: string, line: number, what: string): string => {
    let id = wanted;
    for (let n = 2; used.has(id); n++) id = `${wanted}-${n}`;
    if (id !== wanted) {
      problem(
        line,
        l10n.t(
          '{0} id "{1}" is already used at line {2}; this one gets "{3}" (pin an id to keep it stable)',
          what,
          wanted,
          used.get(wanted) ?? 0,
          id,
        ),
      );
    }
    used.set(id, line);
    return id;
  };
  const sectionIds = new Map<string, number>();
  const build = (d: DraftSection): Section => {
    const wanted = d.number ?? slug(d.title);
    let sectionId = wanted;
    for (let n = 2; sectionIds.has(sectionId); n++) sectionId = `${wanted}-${n}`;
    sectionIds.set(sectionId, d.line);
    const questions = d.questions.map((q) => ({
      ...q.question,
      id: q.pinned ?? claim(`${sectionId}.${q.number}`, q.question.line, 'question'),
    }));
    return { id: sectionId, title: d.title, depth: d.depth, line: d.line, questions, sections: d.sections.map(build) };
  };
  return drafts.map(build);
}
