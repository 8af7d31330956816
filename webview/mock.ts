// The mock interview page's script, bundled into media/mock.js. It says 'ready', shows the
// question the extension sends with a countdown, sends the answer at every keystroke (and keeps
// it in the page's state, sent again after a reload if it differs from the stored one), and sends
// 'finish' when the learner is done or the time is up, then the rating (keys 1–4).
import type { MockExtensionMessage, MockPageMessage, MockPageState, MockView } from '../src/shared/protocol';
import { highlightCode } from './highlight';
import { RatingBar, isTyping } from './rating-bar';
import { clock } from '../src/shared/clock';
import { RESEND_MS } from '../src/shared/note-sync';

const vscode = acquireVsCodeApi<MockPageState>();
let state = vscode.getState();
let view: MockView | undefined;
/** The page's clock minus the extension's, so the countdown runs from the extension's start time. */
let skew = 0;
let ticker: ReturnType<typeof setInterval> | undefined;
let finishing = false;
/** The stored answer's version this page last knew (from the view or a 'saved' reply). */
let base = 0;
/** The first render of this page load: a draft in the saved state is a restored one, judged by the extension. */
let firstRender = true;
/** The learner said they were done (not the clock): the rating takes the focus when it shows. */
let finishedByLearner = false;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const page = $('mock');
const positionEl = $('position');
const timerEl = $('timer');
const questionEl = $('question');
const detailsEl = $('details');
const answerEl = $<HTMLTextAreaElement>('answer');
const statusEl = $('status');
const finishEl = $<HTMLButtonElement>('finish');
const afterwardsEl = $('afterwards');
const earlierEl = $('earlier');
const bankAnswerEl = $('bank-answer');
const bankAnswerHead = $('bank-answer-head');

const send = (m: MockPageMessage) => vscode.postMessage(m);

function saveState(next: MockPageState): void {
  state = next;
  vscode.setState(next);
}

function tick(): void {
  if (!view) return;
  if (view.phase === 'rate') {
    timerEl.textContent = (timerEl.dataset.took ?? '{0}').replace('{0}', clock(view.takenMs ?? 0));
    timerEl.dataset.kind = (view.takenMs ?? 0) > view.limitMs ? 'over' : 'done';
    return;
  }
  const left = view.shownAt + view.limitMs - (Date.now() - skew);
  timerEl.textContent = clock(left, 'up');
  timerEl.dataset.kind = left <= 30_000 ? 'low' : 'running';
  if (left <= 0) {
    timerEl.textContent = timerEl.dataset.up ?? '0:00';
    finish(false);
  }
}

function finish(byLearner: boolean): void {
  if (!view || view.phase !== 'answer' || finishing) return;
  finishing = true;
  finishedByLearner = byLearner;
  flush();
  send({ type: 'finish', runId: view.runId, index: view.index });
}

/** Sends this page's own typing again (before leaving, or when the extension re-sent the view). */
function flush(): void {
  const pending = state?.pending;
  if (!view || !pending || pending.index !== view.index || firstRender) return;
  send({ type: 'answer', runId: view.runId, index: pending.index, text: pending.text, base, restored: false });
}

function render(v: MockView): void {
  const sameQuestion = view?.runId === v.runId && view.index === v.index;
  view = v;
  skew = Date.now() - v.now;
  finishing = false;
  document.title = v.text;
  positionEl.textContent = (positionEl.dataset.words ?? '{0}/{1}').replace('{0}', String(v.index + 1)).replace('{1}', String(v.count));
  questionEl.innerHTML = v.questionHtml; // escaped by the extension (page/render.ts)
  detailsEl.innerHTML = v.detailsHtml;
  detailsEl.hidden = v.detailsHtml === '';
  highlightCode(detailsEl);
  answerEl.maxLength = v.answerMaxChars;
  if (!sameQuestion) base = v.answerRev;
  const pending = state?.runId === v.runId && state.pending?.index === v.index ? state.pending : undefined;
  if (firstRender && pending && pending.text !== v.answer) {
    // A draft from the page's saved state (a reload): the workbench saves it on a timer, so it
    // may be older than the stored answer. Shown for now; the extension judges it and answers
    // 'saved' (it was newer) or 'kept' (the stored answer stays, and comes back here).
    answerEl.value = pending.text;
    send({ type: 'answer', runId: v.runId, index: v.index, text: pending.text, base: pending.base, restored: true });
  } else if (pending && !firstRender) {
    // This page's own typing, not yet confirmed: it stays in the box, and goes again.
    flush();
  } else if (!sameQuestion || document.activeElement !== answerEl) {
    answerEl.value = v.answer;
    base = v.answerRev;
    saveState({ runId: v.runId });
  }
  firstRender = false;
  finishEl.hidden = v.phase !== 'answer';
  afterwardsEl.hidden = v.phase !== 'rate';
  if (v.phase === 'rate') {
    if (v.earlierNoteHtml)
      earlierEl.innerHTML = v.earlierNoteHtml; // escaped by the extension
    else earlierEl.textContent = earlierEl.dataset.empty ?? '';
    highlightCode(earlierEl);
    bankAnswerEl.innerHTML = v.answerHtml;
    bankAnswerEl.hidden = bankAnswerHead.hidden = v.answerHtml === '';
    highlightCode(bankAnswerEl);
    ratingBar.show(v.intervals);
  }
  if (ticker) clearInterval(ticker);
  ticker = setInterval(tick, 250);
  tick();
  page.setAttribute('aria-busy', 'false');
  page.dataset.phase = v.phase;
  page.dataset.questionId = v.id;
  // A new question: the answer box (or, answered already, Good). Time up while typing: the focus
  // stays in the box; done by the learner's own key: Good, so 1–4 rate at once.
  if (!sameQuestion) {
    if (v.phase === 'answer') answerEl.focus();
    else ratingBar.focusGood();
  } else if (v.phase === 'rate' && (finishedByLearner || document.activeElement !== answerEl)) ratingBar.focusGood();
  finishedByLearner = false;
}

answerEl.addEventListener('input', () => {
  if (!view) return;
  saveState({ runId: view.runId, pending: { index: view.index, text: answerEl.value, base } });
  statusEl.textContent = statusEl.dataset.saving ?? '';
  statusEl.dataset.kind = 'busy';
  send({ type: 'answer', runId: view.runId, index: view.index, text: answerEl.value, base, restored: false });
});
window.addEventListener('pagehide', flush);
finishEl.addEventListener('click', () => finish(true));

const ratingBar = new RatingBar(
  () => view?.phase === 'rate',
  (rating) => {
    flush();
    send({ type: 'rate', runId: view!.runId, index: view!.index, rating });
  },
);

document.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    finish(true);
    return;
  }
  if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
  if (/^[1-4]$/.test(e.key)) {
    e.preventDefault();
    ratingBar.rate(Number(e.key));
  }
});

/** An answer that failed to save goes again after the waits a note's resend takes (RESEND_MS). */
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let retries = 0;

window.addEventListener('message', (event: MessageEvent<MockExtensionMessage>) => {
  const m = event.data;
  if (!m || typeof m !== 'object') return;
  if (m.type === 'show') render(m.view);
  else if (m.type === 'saved') {
    const pending = state?.pending;
    if (view?.runId === m.runId && view.index === m.index) base = Math.max(base, m.rev);
    if (pending && state?.runId === m.runId && pending.index === m.index && pending.text.length === m.length) {
      saveState({ runId: m.runId });
      statusEl.textContent = statusEl.dataset.saved ?? '';
      statusEl.dataset.kind = 'quiet';
    }
  } else if (m.type === 'kept') {
    // The restored draft was older: the stored answer stays, shown here unless typed over since.
    const pending = state?.pending;
    if (view?.runId === m.runId && view.index === m.index) {
      base = m.rev;
      if (!pending || pending.base < m.rev) {
        answerEl.value = m.text;
        saveState({ runId: m.runId });
      }
    }
  } else if (m.type === 'rejected') {
    statusEl.textContent = m.message;
    statusEl.dataset.kind = 'error';
  } else if (m.type === 'failed') {
    // Not written: the answer stays in the page's state, is said, and goes again after a wait that grows.
    const pending = state?.pending;
    if (!pending || state?.runId !== m.runId || pending.index !== m.index) return;
    statusEl.textContent = (statusEl.dataset.retrying ?? 'Not saved: {0} · retrying').replace('{0}', () => m.message);
    statusEl.dataset.kind = 'error';
    clearTimeout(retryTimer);
    retryTimer = setTimeout(
      () => {
        const p = state?.pending;
        if (view && p && state?.runId === m.runId && p.index === view.index)
          send({ type: 'answer', runId: m.runId, index: p.index, text: p.text, base, restored: false });
      },
      RESEND_MS[Math.min(retries++, RESEND_MS.length - 1)],
    );
  }
  if (m.type === 'saved') retries = 0;
});

send({ type: 'ready' });
