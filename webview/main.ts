// The question page's script, bundled for the browser into media/page.js.
// It says 'ready' first, renders what the extension sends, and saves notes as the user types:
// every keystroke goes into setState and to the extension at once (a note closed right after a
// keystroke lost that keystroke when sends waited for a pause: seen in CI). Only notes over
// LARGE_NOTE_CHARS, where each message carries the whole note, are sent at most every
// SEND_EVERY_LARGE_MS. Anything unsent goes when the page loses focus, hides or unloads.
// The extension writes each one to storage and its journal.
import type { ExtensionMessage, PageMessage, PageState, QuestionView } from '../src/shared/protocol';

/** Large notes are sent less often: each message carries the whole note. */
const LARGE_NOTE_CHARS = 100_000;
const SEND_EVERY_LARGE_MS = 500;

const vscode = acquireVsCodeApi<PageState>();
let state: PageState | undefined = vscode.getState();
let view: QuestionView | undefined;
let revision = state?.pending?.revision ?? 0;
let cooldown: ReturnType<typeof setTimeout> | undefined;
let unsent = false;

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

function send(message: PageMessage): void {
  vscode.postMessage(message);
}

function saveState(next: PageState): void {
  state = next;
  vscode.setState(next);
}

function setStatus(text: string, kind: 'quiet' | 'busy' | 'error' = 'quiet'): void {
  statusEl.textContent = text;
  statusEl.dataset.kind = kind;
}

function render(v: QuestionView): void {
  view = v;
  document.title = `${v.id} ${v.text}`;
  pathEl.textContent = '';
  v.path.forEach((title, i) => {
    if (i) pathEl.append(' › ');
    const span = document.createElement('span');
    span.textContent = title;
    pathEl.append(span);
  });
  positionEl.textContent = `${v.id} · ${v.index} of ${v.total}`;
  questionEl.innerHTML = v.questionHtml; // escaped by the extension (panel/render.ts)
  detailsEl.innerHTML = v.detailsHtml;
  detailsEl.hidden = v.detailsHtml === '';
  doneEl.checked = v.done;
  previousEl.disabled = !v.hasPrevious;
  nextEl.disabled = !v.hasNext;
  notesEl.maxLength = v.noteMaxChars;

  const pending = state?.pending;
  if (pending && pending.id === v.id && pending.text !== v.note) {
    // Typed before a reload or close and not confirmed saved: the typed text wins, and is saved now.
    notesEl.value = pending.text;
    unsent = true;
    flush();
  } else {
    notesEl.value = v.note;
    saveState({ bankId: v.bankId, id: v.id });
    setStatus(v.note ? 'Saved' : '');
  }
  page.setAttribute('aria-busy', 'false');
  page.dataset.questionId = v.id;
}

/** Sends the typed note now, if it has not been sent yet. */
function flush(): void {
  const pending = state?.pending;
  if (!pending || !unsent) return;
  unsent = false;
  send({ type: 'editNote', id: pending.id, text: pending.text, revision: pending.revision });
  if (cooldown !== undefined) clearTimeout(cooldown);
  cooldown = undefined;
  if (pending.text.length <= LARGE_NOTE_CHARS) return;
  cooldown = setTimeout(() => {
    cooldown = undefined;
    flush();
  }, SEND_EVERY_LARGE_MS);
}

notesEl.addEventListener('input', () => {
  if (!view) return;
  revision += 1;
  saveState({ bankId: view.bankId, id: view.id, pending: { id: view.id, text: notesEl.value, revision } });
  setStatus('Saving…', 'busy');
  unsent = true;
  if (cooldown === undefined || notesEl.value.length <= LARGE_NOTE_CHARS) flush();
});
notesEl.addEventListener('blur', flush);
window.addEventListener('blur', flush);
window.addEventListener('pagehide', flush);
window.addEventListener('beforeunload', flush);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') flush();
});

doneEl.addEventListener('change', () => {
  if (view) send({ type: 'setDone', id: view.id, done: doneEl.checked });
});

function navigate(direction: 'previous' | 'next'): void {
  if (!view) return;
  flush();
  send({ type: 'navigate', id: view.id, direction });
}
previousEl.addEventListener('click', () => navigate('previous'));
nextEl.addEventListener('click', () => navigate('next'));

document.addEventListener('click', (e) => {
  const link = (e.target as Element | null)?.closest?.('a[data-href]');
  if (!link) return;
  e.preventDefault();
  send({ type: 'openLink', href: link.getAttribute('data-href') ?? '' });
});

window.addEventListener('message', (event: MessageEvent<ExtensionMessage>) => {
  const m = event.data;
  if (!m || typeof m !== 'object') return;
  switch (m.type) {
    case 'show':
      if (view && view.id !== m.view.id) flush();
      render(m.view);
      break;
    case 'done':
      if (view?.id === m.id) doneEl.checked = m.done;
      break;
    case 'note':
      // Another page changed this note; take it unless this page has unsaved typing of its own.
      if (view?.id === m.id && !state?.pending && notesEl.value !== m.text) {
        const { selectionStart, selectionEnd } = notesEl;
        notesEl.value = m.text;
        notesEl.setSelectionRange(selectionStart, selectionEnd);
        setStatus('Saved');
      }
      break;
    case 'saved':
      if (state?.pending && state.pending.id === m.id && state.pending.revision === m.revision) {
        saveState({ bankId: state.bankId, id: state.id });
        setStatus('Saved');
      }
      break;
    case 'rejected':
      if (state?.pending?.id === m.id) setStatus(`Not saved: ${m.message}`, 'error');
      break;
  }
});

send({ type: 'ready' });
