// The rating buttons both pages share (the question page, the mock interview): Again, Hard, Good,
// Easy, each with what it would schedule, and keys 1–4 while the focus is not in a text box. One
// rating is sent per showing: a second key press does not rate twice.
import type { Rating } from '../src/shared/protocol';

/** True when a key went to a text box, where it is typing, not a command. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT' || el.isContentEditable);
}

export class RatingBar {
  readonly buttons = [...document.querySelectorAll<HTMLButtonElement>('button.rate')];
  private sent = false;

  constructor(
    /** Whether a rating may be sent now (the bar is shown). */
    private readonly canRate: () => boolean,
    private readonly onRate: (rating: Rating) => void,
  ) {
    this.buttons.forEach((b) => b.addEventListener('click', () => this.rate(Number(b.dataset.rating))));
  }

  /** Shows what each rating would schedule (and which was the last), ready for one rating. */
  show(intervals: readonly string[], lastRating?: number): void {
    this.sent = false;
    this.buttons.forEach((button, i) => {
      button.querySelector('.interval')!.textContent = intervals[i] ?? '';
      button.disabled = false;
      button.classList.toggle('last', lastRating === i + 1);
    });
  }

  /** Sends a rating (a key or a click), once. */
  rate(value: number): void {
    if (this.sent || !/^[1-4]$/.test(String(value)) || !this.canRate()) return;
    this.sent = true;
    this.buttons.forEach((b) => (b.disabled = true));
    this.onRate(value as Rating);
  }

  /** Good: the usual answer, and Enter or 1–4 from there. */
  focusGood(): void {
    this.buttons[2]?.focus();
  }
}
