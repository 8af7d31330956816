// A mock interview: a few questions, each shown alone against a countdown, answered in a box of
// its own (the learner's notes on the question are kept apart, never written), then rated. The
// whole run is one stored record, `mock/<bankId>/<runId>`, written as the learner types, so a
// reload finds every answer. Pure: no 'vscode'.
import { isRecord } from '../progress/storage';
import { isRating, type Rating } from './fsrs';

export const MOCK_SCHEMA = 1;

export interface MockItem {
  id: string;
  /** What the learner typed for this question in this interview. */
  answer: string;
  /** When the question was first shown, and when the learner finished answering (or time ran out). */
  shownAt?: number;
  answeredAt?: number;
  rating?: Rating;
  /** How many edits of the answer were stored: a draft restored after a reload is judged by it. */
  rev?: number;
  /** Drafts a reloaded page brought back that neither extend nor precede the stored answer: kept, not lost. */
  kept?: string[];
}

export interface StoredMock {
  schema: 1;
  runId: string;
  bankId: string;
  started: number;
  /** The time for each question, in milliseconds. */
  limitMs: number;
  items: MockItem[];
  finished?: number;
  /** Milliseconds since the epoch of the last change (the journal's rule: the later wins). */
  updated: number;
}

/** An answer is kept up to this size, like a note. */
export const MOCK_ANSWER_MAX_CHARS = 1_000_000;

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

export function readMock(raw: unknown): StoredMock | undefined {
  if (!isRecord(raw) || raw.schema !== MOCK_SCHEMA || typeof raw.runId !== 'string' || typeof raw.bankId !== 'string') return undefined;
  if (!isTime(raw.started) || !isTime(raw.limitMs) || !Array.isArray(raw.items) || !isTime(raw.updated)) return undefined;
  const items: MockItem[] = [];
  for (const i of raw.items) {
    if (!isRecord(i) || typeof i.id !== 'string' || typeof i.answer !== 'string') return undefined;
    if (
      (i.shownAt !== undefined && !isTime(i.shownAt)) ||
      (i.answeredAt !== undefined && !isTime(i.answeredAt)) ||
      (i.rating !== undefined && !isRating(i.rating))
    )
      return undefined;
    if (
      (i.rev !== undefined && !isTime(i.rev)) ||
      (i.kept !== undefined && !(Array.isArray(i.kept) && i.kept.every((k) => typeof k === 'string')))
    )
      return undefined;
    const item: MockItem = { id: i.id, answer: i.answer };
    if (i.shownAt !== undefined) item.shownAt = i.shownAt;
    if (i.answeredAt !== undefined) item.answeredAt = i.answeredAt;
    if (i.rating !== undefined) item.rating = i.rating;
    if (i.rev !== undefined) item.rev = i.rev;
    if (i.kept !== undefined) item.kept = [...i.kept];
    items.push(item);
  }
  if (raw.finished !== undefined && !isTime(raw.finished)) return undefined;
  return {
    schema: MOCK_SCHEMA,
    runId: raw.runId,
    bankId: raw.bankId,
    started: raw.started,
    limitMs: raw.limitMs,
    items,
    finished: raw.finished,
    updated: raw.updated,
  };
}

export function newMock(o: { runId: string; bankId: string; ids: readonly string[]; limitMs: number; now: number }): StoredMock {
  return {
    schema: MOCK_SCHEMA,
    runId: o.runId,
    bankId: o.bankId,
    started: o.now,
    limitMs: o.limitMs,
    items: o.ids.map((id) => ({ id, answer: '' })),
    updated: o.now,
  };
}

/** The question to show: the first one not rated yet; undefined when every one is. */
export function currentIndex(mock: StoredMock): number | undefined {
  const i = mock.items.findIndex((item) => item.rating === undefined);
  return i < 0 ? undefined : i;
}

/** 'answer' while the clock runs, 'rate' once the learner finished answering or time ran out. */
export const phaseOf = (item: MockItem): 'answer' | 'rate' => (item.answeredAt === undefined ? 'answer' : 'rate');

/** How long the learner took on a question, in milliseconds (so far, while it runs). */
export function timeTaken(item: MockItem, now: number): number {
  if (item.shownAt === undefined) return 0;
  return Math.max(0, (item.answeredAt ?? now) - item.shownAt);
}

/** Each change returns a new record (the stored one is never edited in place). */
export const mockChanges = {
  shown(mock: StoredMock, index: number, now: number): StoredMock {
    if (mock.items[index]?.shownAt !== undefined) return mock;
    return edit(mock, index, { shownAt: now }, now);
  },
  answered(mock: StoredMock, index: number, text: string, now: number): StoredMock {
    return edit(mock, index, { answer: text, rev: (mock.items[index]?.rev ?? 0) + 1 }, now);
  },
  /** A restored draft that lost to the stored answer, kept beside it. */
  keptDraft(mock: StoredMock, index: number, text: string, now: number): StoredMock {
    const kept = mock.items[index]?.kept ?? [];
    return kept.includes(text) ? mock : edit(mock, index, { kept: [...kept, text] }, now);
  },
  finished(mock: StoredMock, index: number, now: number): StoredMock {
    if (mock.items[index]?.answeredAt !== undefined) return mock;
    return edit(mock, index, { answeredAt: now }, now);
  },
  rated(mock: StoredMock, index: number, rating: Rating, now: number): StoredMock {
    const item = mock.items[index];
    const next = edit(mock, index, { rating, answeredAt: item?.answeredAt ?? now }, now);
    return currentIndex(next) === undefined ? { ...next, finished: now } : next;
  },
};

/**
 * A draft a reloaded page brought back from its saved state (saved on a timer, so possibly older
 * than the stored answer), typed on top of version `base`: 'take' when nothing was stored since
 * it, or when it extends the stored answer; 'older' when it is an earlier state of the stored
 * answer or the same; 'keep' when the two went different ways (the draft is kept beside it).
 */
export function judgeDraft(item: MockItem, draft: { text: string; base: number }): 'take' | 'older' | 'keep' {
  const stored = item.answer;
  if (draft.text === stored) return 'older';
  if (draft.base >= (item.rev ?? 0) || draft.text.startsWith(stored)) return 'take';
  if (stored.startsWith(draft.text)) return 'older';
  return 'keep';
}

function edit(mock: StoredMock, index: number, change: Partial<MockItem>, now: number): StoredMock {
  if (!mock.items[index]) return mock;
  const items = mock.items.map((item, i) => (i === index ? { ...item, ...change } : item));
  return { ...mock, items, updated: Math.max(now, mock.updated + 1) };
}
