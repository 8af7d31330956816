// The question page's script, bundled for the browser into media/page.js.
// It says 'ready' first and renders what the extension sends. The note's part (what is typed,
// sent, kept until saved, retried when it failed) is the DOM-free PageNote (src/shared/note-sync.ts);
// this file gives it the notes box, the status line and the page's saved state.
import type { ExtensionMessage, PageMessage, PageState, PageContent, ReviewView } from '../src/shared/protocol';
import type { QuestionHistory } from '../src/review/history';
import { PageNote, type NoteStatus } from '../src/shared/note-sync';
import { highlightCode } from './highlight';
import { RatingBar, isTyping } from './rating-bar';
import { FeedbackPane } from './feedback';

const vscode = acquireVsCodeApi<PageState>();
let state: PageState | undefined = vscode.getState();
let view: PageContent | undefined;

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
const undoEl = $<HTMLButtonElement>('undo-rating');
const historyNowEl = $('history-now');
const historyReviewsEl = $('history-reviews');
const historyMocksEl = $('history-mocks');
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

/** The page's status words, localised by the extension into the markup (page/html.ts). */
const words = {
  saved: statusEl.dataset.saved || 'Saved',
  saving: statusEl.dataset.saving || 'Saving…',
  notSaved: statusEl.dataset.notSaved || 'Not saved: {0}',
  retrying: statusEl.dataset.retrying || 'Not saved: {0} · retrying',
  keptDraft: statusEl.dataset.keptDraft || 'Saved · an older draft was kept as a conflict copy',
};

function setStatus(text: string, kind: 'quiet' | 'busy' | 'error' = 'quiet'): void {
  statusEl.textContent = text;
  statusEl.dataset.kind = kind;
}

function showStatus(s: NoteStatus): void {
  if (s.kind === 'saved') setStatus(words.saved);
  else if (s.kind === 'empty') setStatus('');
  else if (s.kind === 'saving') setStatus(words.saving, 'busy');
  else if (s.kind === 'keptDraft') setStatus(words.keptDraft);
  else
    setStatus(
      (s.kind === 'failed' ? words.retrying : words.notSaved).replace('{0}', () => s.reason),
      'error',
    );
}

/** This page load's writer id: its edits are ordered by `revision`, whatever an earlier load of the page sent. */
const writer = [...crypto.getRandomValues(new Uint32Array(2))].map((n) => n.toString(36)).join('-');
const note = new PageNote(
  {
    // Straight to VS Code: a keystroke's note passes no other function of this file.
    send: vscode.postMessage.bind(vscode),
    getState: () => state,
    setState(next) {
      state = next;
      vscode.setState(next);
    },
    text: () => notesEl.value,
    setText(text, keepSelection) {
      if (!keepSelection) {
        notesEl.value = text;
        return;
      }
      const { selectionStart, selectionEnd } = notesEl;
      notesEl.value = text;
      notesEl.setSelectionRange(selectionStart, selectionEnd);
    },
    status: showStatus,
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  },
  writer,
);
const flush = () => note.flush();

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

/** Fills a template of the page's words ("{0}: {1}") with text. */
const fill = (template: string | undefined, ...values: string[]) =>
  (template ?? '').replace(/\{(\d)\}/g, (_, i: string) => values[+i] ?? '');

/** The folded history: each line set as text. */
function showHistory(h: QuestionHistory): void {
  historyNowEl.textContent = h.due ? fill(historyNowEl.dataset.now, h.due, h.recall) : (historyNowEl.dataset.none ?? '');
  const names = (historyReviewsEl.dataset.ratings ?? '').split('\n');
  const rows = (list: HTMLElement, lines: string[]) => {
    list.replaceChildren(...lines.map((line) => Object.assign(document.createElement('li'), { textContent: line })));
    list.hidden = !lines.length;
  };
  rows(
    historyReviewsEl,
    h.reviews.map((r) => fill(historyReviewsEl.dataset.row, r.when, names[r.rating - 1] ?? String(r.rating), r.interval)),
  );
  rows(
    historyMocksEl,
    h.mocks.map((m) => fill(historyMocksEl.dataset.row, m.when, m.took)),
  );
}

/** The rating bar and, in a session, the place in it. */
function applyReview(v: PageContent, review: ReviewView): void {
  ratingBar.show(review.intervals, review.lastRating);
  undoEl.hidden = !review.canUndo;
  showHistory(review.history);
  dueEl.textContent = review.dueText
    ? (dueEl.dataset.next ?? '{0}').replace('{0}', () => review.dueText)
    : (dueEl.dataset.notReviewed ?? '');
  const s = review.session;
  positionEl.textContent = s
    ? (dueEl.dataset[s.fresh ? 'newPosition' : 'reviewPosition'] ?? '{0}/{1}')
        .replace('{0}', String(s.position))
        .replace('{1}', String(s.count))
    : `${v.shownId} · ${v.index} of ${v.total}`;
  page.classList.toggle('in-review', !!s);
}

const ratingBar = new RatingBar(
  () => !!view && !recallEl.hidden,
  (rating) => {
    flush();
    send({ type: 'rate', id: view!.id, rating });
  },
);

const feedback = new FeedbackPane(send, flush, (rating) => ratingBar.rate(rating), highlightCode);

document.addEventListener('keydown', (e) => {
  if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
  if (e.key === ' ' && view?.review.session && !revealed) {
    e.preventDefault();
    reveal();
  } else if (/^[1-4]$/.test(e.key) && !recallEl.hidden) {
    e.preventDefault();
    ratingBar.rate(Number(e.key));
  } else if ((e.key === 'u' || e.key === 'U') && !undoEl.hidden) {
    e.preventDefault();
    undoRating();
  } else if ((e.key === 't' || e.key === 'T') && !recallEl.hidden && feedback.takeRating()) {
    e.preventDefault();
  }
});

function undoRating(): void {
  undoEl.hidden = true; // until the extension says what the page can undo next
  send({ type: 'undoRating' });
}
undoEl.addEventListener('click', undoRating);

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

  note.show(v);
  feedback.render(v);
  setPreview(false);
  page.setAttribute('aria-busy', 'false');
  page.dataset.questionId = v.id;
}

notesEl.addEventListener('input', note.typed);
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
  note.leave();
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

window.addEventListener('message', (event: MessageEvent<ExtensionMessage>) => {
  const m = event.data;
  if (!m || typeof m !== 'object') return;
  switch (m.type) {
    case 'show':
      if (view && (view.id !== m.view.id || view.bankId !== m.view.bankId)) note.leave();
      render(m.view);
      if (m.view.review.session && !revealed) revealEl.focus();
      else if (m.focusNotes) notesEl.focus();
      break;
    case 'done':
      if (view?.id === m.id) doneEl.checked = m.done;
      break;
    case 'notePreview':
      if (m.seq !== previewSeq || view?.id !== m.id) break;
      if (m.html)
        previewEl.innerHTML = m.html; // escaped by the extension (page/render.ts)
      else previewEl.textContent = previewEl.dataset.empty ?? '';
      highlightCode(previewEl);
      previewEl.setAttribute('aria-busy', 'false');
      break;
    case 'note':
    case 'saved':
    case 'kept':
    case 'resend':
    case 'rejected':
    case 'failed':
      note.receive(m);
      break;
    case 'feedback':
      feedback.receive(m.id, m.feedback);
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
  }
});

send({ type: 'ready' });
