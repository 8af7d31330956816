// The question page's script, bundled for the browser into media/page.js.
// It says 'ready' first, renders what the extension sends, and saves notes as the user types:
// every keystroke goes into setState and to the extension at once (a note closed right after a
// keystroke lost that keystroke when sends waited for a pause: seen in CI; and a long note sent at
// most every 500 ms lost its last keystrokes to a reload: seen in the UI tests). Notes over
// PATCH_ABOVE_CHARS go as a patch to the previous send, so a keystroke costs the same at any
// length. The extension writes each one to storage and its journal.
//
// A draft this page's saved state brings back after a reload may be older than the stored note
// (VS Code for the browser saves that state on a timer): it is sent with `restored`, and the
// extension keeps whichever copy is newer by the version rule (src/shared/note-version.ts),
// keeping the other as a conflict copy when it holds text the newer lacks.
import type { ExtensionMessage, PageMessage, PageState, PageContent, ReviewView } from '../src/shared/protocol';
import { judgeEdit, makePatch } from '../src/shared/note-version';
import { highlightCode } from './highlight';
import { RatingBar, isTyping } from './rating-bar';

/** Longer notes are sent as patches to the previous send rather than whole. */
const PATCH_ABOVE_CHARS = 20_000;

const vscode = acquireVsCodeApi<PageState>();
let state: PageState | undefined = vscode.getState();
let view: PageContent | undefined;
/** This page load's writer id: its edits are ordered by `revision`, whatever an earlier load of the page sent. */
const writer = [...crypto.getRandomValues(new Uint32Array(2))].map((n) => n.toString(36)).join('-');
let revision = 0;
/** The stored version of the note this page was last in step with. */
let base = 0;
let unsent = false;
/** What this page load last sent for a question, the base of the next patch. */
let sent: { id: string; bankId?: string; text: string; revision: number } | undefined;
/** The revision of the last whole-text send, so a burst of 'resend' replies costs one resend. */
let lastWhole = 0;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const page = $('page');
const pathEl = $('path');
const positionEl = $('position');
const questionEl = $('question');
const detailsEl = $('details');
const doneEl = $<HTMLInputElement>('done');
const previousEl = $<HTMLButtonElement>('previous');
const nextEl = $<HTMLButtonElement>('next');
const notesEl = $<HTMLTextAreaElement>('notes');
const statusEl = $('status');
const answerBox = $('answer-box');
const answerEl = $('answer');
const showAnswerEl = $<HTMLButtonElement>('show-answer');
const previewEl = $('preview');
const editModeEl = $<HTMLButtonElement>('edit-mode');
const previewModeEl = $<HTMLButtonElement>('preview-mode');
const notesSection = $('notes-section');
const revealBox = $('reveal-box');
const revealEl = $<HTMLButtonElement>('reveal');
const recallEl = $('recall');
const dueEl = $('due');
/** In a review session, the notes and the answer wait until the learner asks for them. */
let revealed = true;
/** Pairs a Preview with the extension's reply: only the latest one is shown. */
let previewSeq = 0;

/** Edit (the notes box) or Preview (the notes rendered as Markdown by the extension). */
function setPreview(on: boolean): void {
  previewEl.hidden = !on;
  notesEl.hidden = on;
  editModeEl.setAttribute('aria-pressed', String(!on));
  previewModeEl.setAttribute('aria-pressed', String(on));
  if (on && view) {
    flush();
    previewEl.setAttribute('aria-busy', 'true');
    send({ type: 'previewNote', id: view.id, text: notesEl.value, seq: ++previewSeq });
  } else if (!on) {
    previewSeq++;
  }
}
editModeEl.addEventListener('click', () => {
  setPreview(false);
  notesEl.focus();
});
previewModeEl.addEventListener('click', () => setPreview(true));

function send(message: PageMessage): void {
  vscode.postMessage(message);
}

function saveState(next: PageState): void {
  state = next;
  vscode.setState(next);
}

/** The page's status words, localised by the extension into the markup (page/html.ts). */
const words = {
  saved: statusEl.dataset.saved || 'Saved',
  saving: statusEl.dataset.saving || 'Saving…',
  notSaved: statusEl.dataset.notSaved || 'Not saved: {0}',
  keptDraft: statusEl.dataset.keptDraft || 'Saved · an older draft was kept as a conflict copy',
};

function setStatus(text: string, kind: 'quiet' | 'busy' | 'error' = 'quiet'): void {
  statusEl.textContent = text;
  statusEl.dataset.kind = kind;
}

function revealAnswer(shown: boolean): void {
  answerEl.hidden = !shown;
  showAnswerEl.setAttribute('aria-expanded', String(shown));
  showAnswerEl.querySelector('span')!.textContent = (shown ? showAnswerEl.dataset.hide : showAnswerEl.dataset.show) || '';
  showAnswerEl.querySelector('.codicon')!.className = `codicon codicon-${shown ? 'eye-closed' : 'eye'}`;
}

showAnswerEl.addEventListener('click', () => revealAnswer(answerEl.hidden));

/** Shows or hides what a review session keeps back until "Show answer". */
function applyRevealed(): void {
  const session = !!view?.review.session;
  revealBox.hidden = !session || revealed;
  notesSection.hidden = !revealed;
  answerBox.hidden = !revealed || !view || view.answerHtml === '';
  recallEl.hidden = !revealed;
}

function reveal(): void {
  if (revealed || !view) return;
  revealed = true;
  applyRevealed();
  if (view.answerHtml) revealAnswer(true);
  ratingBar.focusGood();
}
revealEl.addEventListener('click', reveal);

/** The rating bar and, in a session, the place in it. */
function applyReview(v: PageContent, review: ReviewView): void {
  ratingBar.show(review.intervals, review.lastRating);
  dueEl.textContent = review.dueText ? (dueEl.dataset.next ?? '{0}').replace('{0}', () => review.dueText) : (dueEl.dataset.notReviewed ?? '');
  const s = review.session;
  positionEl.textContent = s ? (dueEl.dataset[s.fresh ? 'newPosition' : 'reviewPosition'] ?? '{0}/{1}').replace('{0}', String(s.position)).replace('{1}', String(s.count)) : `${v.shownId} · ${v.index} of ${v.total}`;
  page.classList.toggle('in-review', !!s);
}

const ratingBar = new RatingBar(
  () => !!view && !recallEl.hidden,
  (rating) => {
    flush();
    send({ type: 'rate', id: view!.id, rating });
  },
);

document.addEventListener('keydown', (e) => {
  if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
  if (e.key === ' ' && view?.review.session && !revealed) {
    e.preventDefault();
    reveal();
  } else if (/^[1-4]$/.test(e.key) && !recallEl.hidden) {
    e.preventDefault();
    ratingBar.rate(Number(e.key));
  }
});

function render(v: PageContent): void {
  // The same question shown again (its bank file was edited): an answer the learner opened stays open.
  const shownBefore = !!view && view.id === v.id && view.bankId === v.bankId;
  const answerOpen = shownBefore && !answerEl.hidden;
  // A review session shows the question first; the notes and the answer wait for "Show answer".
  if (!shownBefore || !v.review.session) revealed = !v.review.session;
  view = v;
  document.title = `${v.shownId} ${v.text}`;
  pathEl.textContent = '';
  v.path.forEach((title, i) => {
    if (i) pathEl.append(' › ');
    const span = document.createElement('span');
    span.textContent = title;
    pathEl.append(span);
  });
  questionEl.innerHTML = v.questionHtml; // escaped by the extension (panel/render.ts)
  detailsEl.innerHTML = v.detailsHtml;
  detailsEl.hidden = v.detailsHtml === '';
  highlightCode(detailsEl);
  // The bank's answer stays hidden until asked for, so the learner writes their own first.
  answerEl.innerHTML = v.answerHtml; // escaped by the extension, like the question
  highlightCode(answerEl);
  revealAnswer(answerOpen && v.answerHtml !== '');
  applyReview(v, v.review);
  applyRevealed();
  doneEl.checked = v.done;
  previousEl.disabled = !v.hasPrevious;
  nextEl.disabled = !v.hasNext;
  notesEl.maxLength = v.noteMaxChars;

  base = v.noteStamp.version;
  // A state saved by an earlier version of the page has no writer or base: judged as another page's.
  const restored = state?.pending && { ...state.pending, writer: state.pending.writer || 'earlier-page', base: state.pending.base ?? 0, bankId: state.pending.bankId ?? state.bankId };
  const sameQuestion = !!restored && restored.id === v.id && restored.bankId === v.bankId;
  if (restored && sameQuestion && restored.writer === writer) {
    // This page's own typing, shown again (the same question opened again): it stays, and goes out if unsent.
    notesEl.value = restored.text;
    flush();
  } else if (restored && sameQuestion && restored.text !== v.note) {
    // Typed before a reload or close and not confirmed saved. Whether it is newer than the stored
    // note is the extension's call (it answers 'saved' or 'kept'); until then show the copy the
    // version rule says wins, and keep the draft in the page's state.
    notesEl.value = judgeEdit(v.noteStamp, restored) === 'apply' ? restored.text : v.note;
    send({ type: 'editNote', id: restored.id, bankId: restored.bankId, text: restored.text, writer: restored.writer, revision: restored.revision, base: restored.base, restored: true });
    setStatus(words.saving, 'busy');
  } else {
    notesEl.value = v.note;
    if (restored && !sameQuestion && restored.writer !== writer) {
      // A draft of another question (the page came back on the question it showed last, not the
      // one its stale state named), or of another bank: it goes to the extension all the same, to
      // be judged there, in the bank it was typed in.
      send({ type: 'editNote', id: restored.id, bankId: restored.bankId, text: restored.text, writer: restored.writer, revision: restored.revision, base: restored.base, restored: true });
    }
    saveState({ bankId: v.bankId, id: v.id, pageKey: v.pageKey });
    setStatus(v.note ? words.saved : '');
  }
  setPreview(false);
  page.setAttribute('aria-busy', 'false');
  page.dataset.questionId = v.id;
}

/** Sends the typed note now, if it has not been sent yet: whole, or as a patch when it is long. */
function flush(whole = false): void {
  const pending = state?.pending;
  if (!pending || !unsent || pending.writer !== writer) return;
  unsent = false;
  const head = { type: 'editNote', id: pending.id, bankId: pending.bankId ?? state?.bankId, writer, revision: pending.revision, base, restored: false } as const;
  if (!whole && sent && sent.id === pending.id && sent.bankId === pending.bankId && pending.text.length > PATCH_ABOVE_CHARS) {
    send({ ...head, patch: makePatch(sent.text, pending.text, sent.revision) });
  } else {
    send({ ...head, text: pending.text });
    lastWhole = pending.revision;
  }
  sent = { id: pending.id, bankId: pending.bankId, text: pending.text, revision: pending.revision };
}

/**
 * Before the page shows another question: an unconfirmed edit of this one that went as a patch
 * goes again whole, since a patch can fail to apply once the page has moved on and forgotten it.
 */
function leave(): void {
  const pending = state?.pending;
  if (pending && pending.writer === writer && sent?.id === pending.id && sent.revision === pending.revision && sent.revision !== lastWhole) unsent = true;
  flush(true);
}

notesEl.addEventListener('input', () => {
  if (!view) return;
  revision += 1;
  saveState({ bankId: view.bankId, id: view.id, pageKey: view.pageKey, pending: { id: view.id, bankId: view.bankId, text: notesEl.value, writer, revision, base } });
  setStatus(words.saving, 'busy');
  unsent = true;
  flush();
});
notesEl.addEventListener('blur', () => flush());
window.addEventListener('blur', () => flush());
window.addEventListener('pagehide', () => flush());
window.addEventListener('beforeunload', () => flush());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') flush();
});

doneEl.addEventListener('change', () => {
  if (view) send({ type: 'setDone', id: view.id, done: doneEl.checked });
});

function navigate(direction: 'previous' | 'next'): void {
  if (!view) return;
  leave();
  send({ type: 'navigate', id: view.id, direction });
}
previousEl.addEventListener('click', () => navigate('previous'));
nextEl.addEventListener('click', () => navigate('next'));

document.addEventListener('click', (e) => {
  const target = e.target as Element | null;
  const ref = target?.closest?.('a[data-ref]');
  if (ref) {
    e.preventDefault();
    send({ type: 'openRef', ref: ref.getAttribute('data-ref') ?? '' });
    return;
  }
  const link = target?.closest?.('a[data-href]');
  if (!link) return;
  e.preventDefault();
  send({ type: 'openLink', href: link.getAttribute('data-href') ?? '' });
});

/** True when a reply is about the edit this page's state still holds as unsaved. */
function isPending(m: { id: string; writer: string; revision: number }): boolean {
  const p = state?.pending;
  return !!p && p.id === m.id && (p.writer || 'earlier-page') === m.writer && p.revision === m.revision;
}

window.addEventListener('message', (event: MessageEvent<ExtensionMessage>) => {
  const m = event.data;
  if (!m || typeof m !== 'object') return;
  switch (m.type) {
    case 'show':
      if (view && (view.id !== m.view.id || view.bankId !== m.view.bankId)) leave();
      render(m.view);
      if (m.view.review.session && !revealed) revealEl.focus();
      else if (m.focusNotes) notesEl.focus();
      break;
    case 'done':
      if (view?.id === m.id) doneEl.checked = m.done;
      break;
    case 'notePreview':
      if (m.seq !== previewSeq || view?.id !== m.id) break;
      if (m.html) previewEl.innerHTML = m.html; // escaped by the extension (page/render.ts)
      else previewEl.textContent = previewEl.dataset.empty ?? '';
      highlightCode(previewEl);
      previewEl.setAttribute('aria-busy', 'false');
      break;
    case 'note':
      // Another page changed this note; take it unless this page has unsaved typing of its own
      // (its next edit then wins, and the text it replaces is kept as a conflict copy).
      if (view?.id === m.id && !state?.pending) {
        base = m.stamp.version;
        if (notesEl.value !== m.text) {
          const { selectionStart, selectionEnd } = notesEl;
          notesEl.value = m.text;
          notesEl.setSelectionRange(selectionStart, selectionEnd);
        }
        setStatus(m.text ? words.saved : '');
      }
      break;
    case 'saved':
      if (view?.id === m.id && m.version > base) base = m.version;
      if (isPending(m)) {
        saveState({ bankId: state!.bankId, id: state!.id, pageKey: state!.pageKey });
        setStatus(words.saved);
      }
      break;
    case 'kept':
      // A restored draft was older than the stored note, which stays; shown here unless typed over since.
      if (isPending(m)) {
        saveState({ bankId: state!.bankId, id: state!.id, pageKey: state!.pageKey });
        if (view?.id === m.id) {
          base = m.stamp.version;
          if (notesEl.value !== m.text) notesEl.value = m.text;
        }
        setStatus(m.conflict ? words.keptDraft : m.text ? words.saved : '');
      }
      break;
    case 'resend':
      // A patch met a note saved from elsewhere: send the whole text (once for a burst of these).
      if (m.writer === writer && m.revision > lastWhole && state?.pending?.id === m.id) {
        sent = undefined;
        unsent = true;
        flush();
      }
      break;
    case 'review':
      if (view?.id === m.id) {
        view = { ...view, review: m.review };
        applyReview(view, m.review);
        if (!m.review.session && !revealed) {
          revealed = true;
          applyRevealed();
        }
      }
      break;
    case 'rejected':
      if (state?.pending?.id === m.id) setStatus(words.notSaved.replace('{0}', () => m.message), 'error');
      break;
  }
});

send({ type: 'ready' });
