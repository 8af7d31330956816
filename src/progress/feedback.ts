// A question's feedback from a chat model (`feedback/<bankId>/<id>`): the replies Check My Answer
// kept, oldest first, the last FEEDBACK_KEPT of them. Read with a bad record set aside with a
// warning, as other stored values are; two windows' lists merge as their union. Pure: no 'vscode'.
import * as l10n from '@vscode/l10n';
import { isRecord, SCHEMA, type Storage } from './storage';
import { keys } from '../shared/keys';
import { isRating, type Rating } from '../review/fsrs';

export interface FeedbackEntry {
  /** When the reply came. */
  at: number;
  /** The model's name, as VS Code gave it. */
  model: string;
  /** The reply, as the model wrote it (Markdown, shown made safe). */
  text: string;
  /** The rating it suggested, if it gave one. */
  rating?: Rating;
}

export interface StoredFeedback {
  schema: typeof SCHEMA;
  entries: FeedbackEntry[];
}

/** How many replies a question keeps. */
export const FEEDBACK_KEPT = 10;
/** A reply longer than this is cut before it is kept. */
export const FEEDBACK_MAX_CHARS = 50_000;

function isEntry(e: unknown): e is FeedbackEntry {
  return (
    isRecord(e) &&
    Number.isSafeInteger(e.at) &&
    typeof e.model === 'string' &&
    typeof e.text === 'string' &&
    (e.rating === undefined || isRating(e.rating))
  );
}

/** The entries of a stored value, or undefined when it is not one. */
export function readFeedbackRecord(raw: unknown): FeedbackEntry[] | undefined {
  if (!isRecord(raw) || raw.schema !== SCHEMA || !Array.isArray(raw.entries) || !raw.entries.every(isEntry)) return undefined;
  return raw.entries as FeedbackEntry[];
}

const sameEntry = (a: FeedbackEntry, b: FeedbackEntry) => a.at === b.at && a.model === b.model && a.text === b.text;

/** Two windows' lists of one question: their union, oldest first, the last FEEDBACK_KEPT. */
export function mergeFeedback(stored: unknown, incoming: unknown): { write: boolean; value: unknown } | undefined {
  const a = readFeedbackRecord(stored);
  const b = readFeedbackRecord(incoming);
  if (!a || !b) return undefined;
  const union = [...a, ...b.filter((e) => !a.some((k) => sameEntry(k, e)))].sort((x, y) => x.at - y.at).slice(-FEEDBACK_KEPT);
  const changed = union.length !== a.length || union.some((e, i) => !sameEntry(e, a[i]));
  return { write: changed, value: { schema: SCHEMA, entries: union } satisfies StoredFeedback };
}

export class FeedbackStore {
  constructor(private readonly storage: Storage) {}

  /** The replies kept for a question, oldest first. */
  entries(bankId: string, id: string): FeedbackEntry[] {
    const key = keys.feedback(bankId, id);
    const raw = this.storage.get(key);
    if (raw === undefined || raw === null) return [];
    const entries = readFeedbackRecord(raw);
    if (entries) return entries;
    if (!this.storage.wasSetAside(key)) {
      this.storage.setAside(key, raw, l10n.t('The stored feedback on {0} had the wrong shape; it was set aside, not deleted.', id));
      void this.storage.write(key, undefined);
    }
    return [];
  }

  /** Keeps a reply with the question. Resolves once stored; a failed write rejects (and Storage retries it). */
  add(bankId: string, id: string, entry: FeedbackEntry): Promise<void> {
    const kept: FeedbackEntry = { ...entry, text: entry.text.slice(0, FEEDBACK_MAX_CHARS) };
    const entries = [...this.entries(bankId, id), kept].slice(-FEEDBACK_KEPT);
    return this.storage.write(keys.feedback(bankId, id), { schema: SCHEMA, entries } satisfies StoredFeedback);
  }
}
