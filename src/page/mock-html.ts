// The mock interview page's HTML shell and its summary. Same rules as the question page: strict
// CSP from default-src 'none', a fresh nonce, no inline script, no bank data in the shell (the
// page asks for it with 'ready'), every word from a bank or a learner escaped. Pure: no 'vscode'.
import { clock } from '../shared/clock';
import * as l10n from '@vscode/l10n';
import { escapeHtml } from './render';
import { codicon, rateButton, webviewDocument } from './html';
import { questionLink } from './report-html';
import { ratingName } from './report-bodies';
import { timeTaken, type StoredMock } from '../review/mock';

export interface MockShell {
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  codiconUri: string;
  lang: string;
  nonce?: string;
}

export function mockHtml(o: MockShell): string {
  const a = escapeHtml;
  const ratings = [1, 2, 3, 4].map(ratingName);
  const body = `<main id="mock" class="mock" aria-busy="true">
  <header class="bar">
    <span id="position" class="position" data-words="${a(l10n.t('Mock interview · question {0} of {1}'))}"></span>
    <span id="timer" class="timer" role="timer" aria-label="${a(l10n.t('Time left'))}"
      data-up="${a(l10n.t('Time is up'))}" data-took="${a(l10n.t('Took {0}'))}"></span>
  </header>
  <h1 id="question" class="question"></h1>
  <div id="details" class="details"></div>
  <section class="notes">
    <div class="notes-head">
      <label for="answer">${codicon('mic')} ${a(l10n.t('Your answer'))}
        <span class="hint">${a(l10n.t('kept with this interview; your notes on the question are not changed'))}</span></label>
      <span class="spacer"></span>
      <span id="status" class="status" role="status" aria-live="polite" data-saved="${a(l10n.t('Saved'))}"
        data-saving="${a(l10n.t('Saving…'))}" data-retrying="${a(l10n.t('Not saved: {0} · retrying'))}"></span>
    </div>
    <textarea id="answer" spellcheck="true" placeholder="${a(l10n.t('Answer as you would out loud. The clock is running.'))}"></textarea>
    <div class="actions">
      <button id="finish" type="button" aria-keyshortcuts="Control+Enter">
        ${codicon('check')} ${a(l10n.t('Done Answering'))} <kbd>Ctrl+Enter</kbd></button>
    </div>
  </section>
  <section id="afterwards" class="afterwards" hidden>
    <h2>${codicon('note')} ${a(l10n.t('Your earlier notes'))}</h2>
    <div id="earlier" class="preview" data-empty="${a(l10n.t('No notes on this question yet.'))}"></div>
    <h2 id="bank-answer-head">${codicon('book')} ${a(l10n.t('The bank’s answer'))}</h2>
    <div id="bank-answer" class="answer"></div>
    <section id="recall" class="recall" aria-labelledby="recall-label">
      <span id="recall-label" class="recall-label">${a(l10n.t('How well did you answer?'))}</span>
      <span class="ratings" role="group" aria-labelledby="recall-label">
${ratings.map((name, i) => rateButton(i + 1, a(name))).join('\n')}
      </span>
    </section>
  </section>
</main>`;
  return webviewDocument({
    cspSource: o.cspSource,
    nonce: o.nonce,
    lang: o.lang,
    title: l10n.t('Mock Interview'),
    styles: [o.codiconUri, o.styleUri],
    scriptUri: o.scriptUri,
    body,
  });
}

/** The summary of a finished (or stopped) mock interview: each question, time taken, rating and answer. */
export function mockSummary(run: StoredMock, o: { textOf: (id: string) => string | undefined; now: number }): string {
  const answered = run.items.filter((i) => i.rating !== undefined);
  const total = run.items.reduce((ms, i) => ms + timeTaken(i, o.now), 0);
  const rows = run.items
    .map((item) => {
      const taken = timeTaken(item, o.now);
      const over = taken > run.limitMs;
      const rating =
        item.rating === undefined
          ? `<span class="muted">${escapeHtml(l10n.t('not rated'))}</span>`
          : `<span class="rating r${item.rating}">${escapeHtml(ratingName(item.rating))}</span>`;
      const answer = item.answer.trim()
        ? `<details><summary>${escapeHtml(l10n.t('Your answer'))}</summary><pre>${escapeHtml(item.answer)}</pre></details>`
        : `<div class="muted">${escapeHtml(l10n.t('No answer written.'))}</div>`;
      const kept = (item.kept ?? [])
        .map(
          (k) =>
            `<details class="kept"><summary>${escapeHtml(l10n.t('Also typed (brought back after a reload)'))}</summary>` +
            `<pre>${escapeHtml(k)}</pre></details>`,
        )
        .join('');
      const time = escapeHtml(l10n.t('{0} of {1}', clock(taken), clock(run.limitMs)));
      const link = questionLink(item.id, `${item.id} ${o.textOf(item.id) ?? ''}`);
      return `<li>${link} ${rating} <span class="${over ? 'over' : 'muted'}">${time}</span>${answer}${kept}</li>`;
    })
    .join('');
  const count = escapeHtml(l10n.t('{0} of {1} questions answered in {2}.', answered.length, run.items.length, clock(total)));
  return `<h1>${codicon('mic')} ${escapeHtml(l10n.t('Mock interview summary'))}</h1>
<p class="lead" id="summary-count">${count}</p>
<ul class="results">${rows}</ul>`;
}
