// Messages between the extension and the question page, declared once and imported with
// `import type` on both sides. Messages from the page are untrusted: see parsePageMessage.

/** What the page needs to show one question. */
export interface QuestionView {
  bankId: string;
  id: string;
  /** Section titles from the top down. */
  path: string[];
  /** The question as HTML, every character of the bank escaped (see panel/render.ts). */
  questionHtml: string;
  /** Plain text of the question, for the page title and screen readers. */
  text: string;
  detailsHtml: string;
  done: boolean;
  note: string;
  /** 1-based position in the bank and the bank's size. */
  index: number;
  total: number;
  hasPrevious: boolean;
  hasNext: boolean;
  noteMaxChars: number;
}

export type ExtensionMessage =
  | { type: 'show'; view: QuestionView }
  | { type: 'done'; id: string; done: boolean }
  /** The note changed elsewhere (another page on the same question). */
  | { type: 'note'; id: string; text: string }
  /** The note edit with this revision reached storage. */
  | { type: 'saved'; id: string; revision: number }
  /** The note edit with this revision was refused; the message says why. */
  | { type: 'rejected'; id: string; revision: number; message: string };

export type PageMessage =
  | { type: 'ready' }
  | { type: 'setDone'; id: string; done: boolean }
  | { type: 'editNote'; id: string; text: string; revision: number }
  | { type: 'navigate'; id: string; direction: 'previous' | 'next' }
  | { type: 'openLink'; href: string };

/** What the page keeps with setState, so a reload or a revived page loses nothing. */
export interface PageState {
  bankId: string;
  id: string;
  /** A note typed but not yet acknowledged as saved. */
  pending?: { id: string; text: string; revision: number };
}

const isString = (v: unknown): v is string => typeof v === 'string';

/**
 * Checks a message from the page at run time. Returns the typed message, or a reason it was
 * refused. Ids are checked against the bank by the caller; sizes here are structural only.
 */
export function parsePageMessage(raw: unknown): { ok: true; message: PageMessage } | { ok: false; reason: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'not an object' };
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { ok: true, message: { type: 'ready' } };
    case 'setDone':
      if (!isString(m.id) || typeof m.done !== 'boolean') return { ok: false, reason: 'setDone needs id (string) and done (boolean)' };
      return { ok: true, message: { type: 'setDone', id: m.id, done: m.done } };
    case 'editNote':
      if (!isString(m.id) || !isString(m.text) || !Number.isSafeInteger(m.revision)) {
        return { ok: false, reason: 'editNote needs id (string), text (string) and revision (integer)' };
      }
      return { ok: true, message: { type: 'editNote', id: m.id, text: m.text, revision: m.revision as number } };
    case 'navigate':
      if (!isString(m.id) || (m.direction !== 'previous' && m.direction !== 'next')) {
        return { ok: false, reason: 'navigate needs id (string) and direction ("previous" or "next")' };
      }
      return { ok: true, message: { type: 'navigate', id: m.id, direction: m.direction } };
    case 'openLink':
      if (!isString(m.href)) return { ok: false, reason: 'openLink needs href (string)' };
      return { ok: true, message: { type: 'openLink', href: m.href } };
    default:
      return { ok: false, reason: `unknown message type ${JSON.stringify(String(m.type)).slice(0, 40)}` };
  }
}

/** Only web links leave the editor. */
export function isSafeExternalLink(href: string): boolean {
  try {
    const url = new URL(href);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}
