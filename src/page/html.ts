// The page's HTML shell: strict CSP from default-src 'none', a fresh nonce per render, no inline
// script and no data in the markup (the page asks for it with 'ready').
import { randomBase64 } from '../util/random';

export interface ShellOptions {
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  codiconUri: string;
  nonce?: string;
  /** The page's words, localised by the caller (vscode.l10n); English by default. */
  strings?: PageStrings;
}

/** Every word the page shows; the status words go to the page's script as data attributes. */
export const ENGLISH: PageStrings = {
  lang: 'en',
  title: 'Question',
  section: 'Section',
  toolbar: 'Question',
  done: 'Done',
  previous: 'Previous',
  previousTitle: 'Previous question',
  next: 'Next',
  nextTitle: 'Next question',
  notes: 'Answer notes',
  markdown: 'Markdown',
  placeholder: 'Write your answer here. It is saved as you type.',
  saved: 'Saved',
  saving: 'Saving…',
  notSaved: 'Not saved: {0}',
  retrying: 'Not saved: {0} · retrying',
  keptDraft: 'Saved · an older draft was kept as a conflict copy',
  edit: 'Edit',
  preview: 'Preview',
  notesView: 'Notes view',
  nothingToPreview: 'Nothing written yet.',
  showAnswer: 'Show answer',
  hideAnswer: 'Hide answer',
  answer: 'The bank’s answer',
  rateRecall: 'How well did you recall it?',
  undoRating: 'Undo',
  history: 'History',
  historyNow: 'Next due {0}; the chance of recalling it now: {1}.',
  historyNone: 'Not reviewed yet.',
  historyReviews: 'Reviews',
  historyReview: '{0}: {1}, next after {2}',
  historyMocks: 'Mock interviews',
  historyMock: '{0}: answered in a mock interview in {1}',
  undoRatingTitle: 'Undo the last rating: the question’s schedule and history as they were',
  ratings: ['Again', 'Hard', 'Good', 'Easy'],
  notReviewed: 'Not reviewed yet: rate it to schedule a review.',
  nextReview: 'Next review {0}',
  reviewPosition: 'Review {0} of {1}',
  newPosition: 'New question {0} of {1}',
  reveal: 'Show answer',
  revealHint: 'Answer in your head first; your notes and the bank’s answer come next.',
  checkAnswer: 'Check My Answer',
  checkAnswerTitle: 'Send the question, the bank’s answer and your notes to your chat model for feedback',
  stopFeedback: 'Stop',
  feedback: 'Feedback on your answer',
  takeRating: 'Take the suggested rating: {0}',
};

export interface PageStrings {
  lang: string;
  title: string;
  section: string;
  toolbar: string;
  done: string;
  previous: string;
  previousTitle: string;
  next: string;
  nextTitle: string;
  notes: string;
  markdown: string;
  placeholder: string;
  saved: string;
  saving: string;
  /** `{0}` is the reason. */
  notSaved: string;
  /** A write that failed and is retried: its reason in {0}. */
  retrying: string;
  keptDraft: string;
  edit: string;
  preview: string;
  notesView: string;
  nothingToPreview: string;
  showAnswer: string;
  hideAnswer: string;
  answer: string;
  rateRecall: string;
  undoRating: string;
  history: string;
  historyNow: string;
  historyNone: string;
  historyReviews: string;
  historyReview: string;
  historyMocks: string;
  historyMock: string;
  undoRatingTitle: string;
  /** Again, Hard, Good, Easy. */
  ratings: [string, string, string, string];
  notReviewed: string;
  /** `{0}` is when ("in 3 days"). */
  nextReview: string;
  /** `{0}` of `{1}`. */
  reviewPosition: string;
  newPosition: string;
  reveal: string;
  revealHint: string;
  checkAnswer: string;
  checkAnswerTitle: string;
  stopFeedback: string;
  feedback: string;
  /** `{0}` is the rating's name. */
  takeRating: string;
}

export function newNonce(): string {
  return randomBase64(18);
}

/** A codicon before or after a label; screen readers skip it. */
export const codicon = (name: string): string => `<i class="codicon codicon-${name}" aria-hidden="true"></i>`;

/** Escapes a value for a double-quoted attribute. */
export function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Every page's document: a strict CSP from default-src 'none' (styles, fonts and images only from
 * the extension's media, scripts only with this render's nonce), the codicons and the page's
 * styles, its body, and its one script from a file. The body is escaped by the caller.
 */
export function webviewDocument(o: {
  cspSource: string;
  nonce?: string;
  lang: string;
  title: string;
  styles: string[];
  scriptUri: string;
  body: string;
}): string {
  const nonce = o.nonce ?? newNonce();
  const csp = [
    "default-src 'none'",
    `style-src ${o.cspSource}`,
    `font-src ${o.cspSource}`,
    `img-src ${o.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "form-action 'none'",
    "base-uri 'none'",
    "frame-src 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${attr(o.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${o.styles.map((href) => `<link rel="stylesheet" href="${attr(href)}">`).join('\n')}
<title>${attr(o.title)}</title>
</head>
<body>
${o.body}
<script nonce="${nonce}" src="${attr(o.scriptUri)}"></script>
</body>
</html>`;
}

/** One button of the rating bar (the question page's and the mock interview's): its key, its name (escaped), its interval. */
export function rateButton(rating: number, name: string): string {
  return (
    `<button type="button" class="secondary rate" id="rate-${rating}" data-rating="${rating}" aria-keyshortcuts="${rating}">` +
    `<kbd>${rating}</kbd> ${name} <span class="interval"></span></button>`
  );
}

export function pageHtml(o: ShellOptions): string {
  const w = o.strings ?? ENGLISH;
  const text = (v: string) => attr(v);
  const body = `<main id="page" aria-busy="true">
  <header class="bar">
    <nav id="path" class="path" aria-label="${attr(w.section)}"></nav>
    <span id="position" class="position"></span>
  </header>
  <h1 id="question" class="question"></h1>
  <div id="details" class="details"></div>
  <div class="actions" role="toolbar" aria-label="${attr(w.toolbar)}">
    <label class="done"><input type="checkbox" id="done"> <span>${text(w.done)}</span></label>
    <span class="spacer"></span>
    <button id="previous" class="secondary" type="button" title="${attr(w.previousTitle)}">
      ${codicon('arrow-left')} ${text(w.previous)}</button>
    <button id="next" class="secondary" type="button" title="${attr(w.nextTitle)}">${text(w.next)} ${codicon('arrow-right')}</button>
  </div>
  <section id="reveal-box" class="reveal-box" hidden>
    <button id="reveal" type="button" aria-keyshortcuts="Space">${codicon('eye')} ${text(w.reveal)} <kbd>Space</kbd></button>
    <p class="hint">${text(w.revealHint)}</p>
  </section>
  <section id="answer-box" class="answer-box" hidden>
    <button id="show-answer" class="secondary" type="button" aria-expanded="false" aria-controls="answer"
      data-show="${attr(w.showAnswer)}" data-hide="${attr(w.hideAnswer)}">${codicon('eye')} <span>${text(w.showAnswer)}</span></button>
    <div id="answer" class="answer" role="region" aria-label="${attr(w.answer)}" hidden></div>
  </section>
  <section id="notes-section" class="notes">
    <div class="notes-head">
      <label for="notes">${codicon('edit')} ${text(w.notes)} <span class="hint">${text(w.markdown)}</span></label>
      <span class="spacer"></span>
      <span id="status" class="status" role="status" aria-live="polite" data-saved="${attr(w.saved)}" data-saving="${attr(w.saving)}"
        data-not-saved="${attr(w.notSaved)}" data-retrying="${attr(w.retrying)}" data-kept-draft="${attr(w.keptDraft)}"></span>
      <span class="notes-mode" role="group" aria-label="${attr(w.notesView)}">
        <button id="edit-mode" class="secondary" type="button" aria-pressed="true">${codicon('edit')} ${text(w.edit)}</button>
        <button id="preview-mode" class="secondary" type="button" aria-pressed="false">
          ${codicon('open-preview')} ${text(w.preview)}</button>
      </span>
    </div>
    <textarea id="notes" spellcheck="true" placeholder="${attr(w.placeholder)}"></textarea>
    <div id="preview" class="preview" aria-live="polite" data-empty="${attr(w.nothingToPreview)}" hidden></div>
    <div id="feedback-box" class="feedback" hidden>
      <div class="feedback-head">
        <button id="check-answer" class="secondary" type="button" title="${attr(w.checkAnswerTitle)}">
          ${codicon('sparkle')} ${text(w.checkAnswer)}</button>
        <button id="stop-feedback" class="secondary" type="button" hidden>${codicon('debug-stop')} ${text(w.stopFeedback)}</button>
        <span id="feedback-status" class="status" role="status" aria-live="polite"></span>
      </div>
      <div id="feedback" class="preview feedback-text" role="region" aria-label="${attr(w.feedback)}" hidden></div>
      <button id="take-rating" class="secondary" type="button" aria-keyshortcuts="T" data-label="${attr(w.takeRating)}"
        data-ratings="${attr(w.ratings.join('\n'))}" hidden></button>
    </div>
  </section>
  <section id="recall" class="recall" aria-labelledby="recall-label">
    <span id="recall-label" class="recall-label">${text(w.rateRecall)}</span>
    <span class="ratings" role="group" aria-labelledby="recall-label">
${w.ratings.map((name, i) => rateButton(i + 1, text(name))).join('\n')}
    </span>
    <button type="button" class="secondary" id="undo-rating" aria-keyshortcuts="U" title="${attr(w.undoRatingTitle)}" hidden>
      ${codicon('discard')} ${text(w.undoRating)} <kbd>U</kbd></button>
    <span id="due" class="due" role="status" aria-live="polite" data-not-reviewed="${attr(w.notReviewed)}" data-next="${attr(w.nextReview)}"
      data-review-position="${attr(w.reviewPosition)}" data-new-position="${attr(w.newPosition)}"></span>
  </section>
  <details id="history" class="history">
    <summary>${codicon('history')} ${text(w.history)}</summary>
    <p id="history-now" data-now="${attr(w.historyNow)}" data-none="${attr(w.historyNone)}"></p>
    <ul id="history-reviews" class="history-list" aria-label="${attr(w.historyReviews)}" data-row="${attr(w.historyReview)}"
      data-ratings="${attr(w.ratings.join('\n'))}"></ul>
    <ul id="history-mocks" class="history-list" aria-label="${attr(w.historyMocks)}" data-row="${attr(w.historyMock)}"></ul>
  </details>
</main>`;
  return webviewDocument({
    cspSource: o.cspSource,
    nonce: o.nonce,
    lang: w.lang,
    title: w.title,
    styles: [o.codiconUri, o.styleUri],
    scriptUri: o.scriptUri,
    body,
  });
}
