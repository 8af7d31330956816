// Check My Answer on the question page: its button, Stop, the status line, the reply (HTML made
// safe by the extension, page/render.ts) and the suggested rating, taken only when the learner
// presses T or its button.
import type { FeedbackView, PageContent, PageMessage } from '../src/shared/protocol';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export class FeedbackPane {
  private readonly box = $('feedback-box');
  private readonly check = $<HTMLButtonElement>('check-answer');
  private readonly stop = $<HTMLButtonElement>('stop-feedback');
  private readonly status = $('feedback-status');
  private readonly reply = $('feedback');
  private readonly take = $<HTMLButtonElement>('take-rating');
  private id: string | undefined;
  private rating: number | undefined;

  constructor(
    send: (message: PageMessage) => void,
    /** Before a check: the notes typed so far go first, so the check reads them. */
    flush: () => void,
    /** Takes a rating as the rating bar's button would. */
    private readonly rate: (rating: number) => void,
    /** After the reply is shown (code blocks highlighted). */
    private readonly shown: (el: HTMLElement) => void,
  ) {
    this.check.addEventListener('click', () => {
      if (!this.id) return;
      flush();
      send({ type: 'checkAnswer', id: this.id });
    });
    this.stop.addEventListener('click', () => send({ type: 'cancelFeedback' }));
    this.take.addEventListener('click', () => this.takeRating());
  }

  /** A question shown: the button if Check My Answer is on, and the reply kept last. */
  render(v: PageContent): void {
    const other = this.id !== v.id;
    this.id = v.id;
    this.box.hidden = !v.ai;
    if (other || v.feedback) this.apply(v.feedback);
  }

  /** The extension's word on the check of a question: shown if the page still shows that question. */
  receive(id: string, feedback: FeedbackView): void {
    if (id === this.id) this.apply(feedback);
  }

  /** T: takes the suggested rating, if there is one on show. */
  takeRating(): boolean {
    if (this.take.hidden || !this.rating) return false;
    this.rate(this.rating);
    return true;
  }

  private apply(f: FeedbackView | undefined): void {
    const streaming = f?.state === 'streaming';
    this.check.hidden = streaming;
    this.stop.hidden = !streaming;
    this.status.textContent = f?.status ?? '';
    this.status.dataset.kind = f?.state === 'failed' || f?.state === 'unavailable' ? 'error' : streaming ? 'busy' : 'quiet';
    this.reply.innerHTML = f?.html ?? ''; // escaped by the extension (page/render.ts), like the notes' Preview
    this.reply.hidden = !f?.html;
    if (f?.html) this.shown(this.reply);
    this.rating = f?.state === 'done' ? f.rating : undefined;
    this.take.hidden = !this.rating;
    if (this.rating) {
      const name = (this.take.dataset.ratings ?? '').split('\n')[this.rating - 1] ?? String(this.rating);
      this.take.textContent = `${(this.take.dataset.label ?? '{0}').replace('{0}', () => name)} `;
      this.take.append(Object.assign(document.createElement('kbd'), { textContent: 'T' }));
    }
  }
}
