// Check My Answer on a question page: on the learner's click, the question, its details, the
// bank's answer and the stored notes go to their chat model (review/feedback.ts, page/chat-model.ts);
// the reply streams onto the page, made safe like the notes' Preview, and is kept with the question
// once it is whole. Stop ends it and keeps nothing. Its rating is only suggested: the page's T
// key takes it through the page's own rating.
import * as vscode from 'vscode';
import type { Study } from '../progress/study';
import type { Block } from '../bank/model';
import type { ExtensionMessage, FeedbackView, Rating } from '../shared/protocol';
import { askFeedback, feedbackPrompt, type FeedbackSource } from '../review/feedback';
import type { FeedbackEntry } from '../progress/feedback';
import { noteHtml } from './render';
import { randomHex } from '../util/random';

/** Where Check My Answer's model comes from, and whether the learner turned it on (djangoPrep.ai.enabled). */
export interface ChatHost {
  enabled(): boolean;
  source: FeedbackSource;
}

export interface FeedbackPageHost {
  study: Study;
  chat?: ChatHost;
  renderNote?(text: string): Block[];
  log(message: string): void;
}

export class PageFeedback {
  /** The check under way: its question, and how to stop it. */
  private running?: { id: string; stop: AbortController };

  constructor(
    private readonly host: FeedbackPageHost,
    private readonly post: (message: ExtensionMessage) => void,
  ) {}

  /** The page shows the button. */
  get enabled(): boolean {
    return !!this.host.chat?.enabled();
  }

  /** The reply kept last for a question, as the page shows it. */
  kept(id: string): FeedbackView | undefined {
    const { study } = this.host;
    const entries = study.store.feedback.entries(study.bankId, id);
    const last = entries[entries.length - 1];
    return last && { state: 'done', html: this.html(last.text), status: this.keptStatus(last, entries.length), ...rating(last.rating) };
  }

  /** Stops the check under way; nothing of it is kept. */
  cancel(): void {
    this.running?.stop.abort();
    this.running = undefined;
  }

  /** Checks the learner's notes on a question. Resolves when the reply has ended and, if whole, is stored. */
  async check(id: string): Promise<void> {
    const { study, chat } = this.host;
    const entry = study.entry(id);
    if (!entry) return;
    this.cancel();
    const show = (feedback: FeedbackView) => this.post({ type: 'feedback', id, feedback });
    if (!chat?.enabled()) {
      show({ state: 'unavailable', html: '', status: vscode.l10n.t('Check My Answer is turned off (djangoPrep.ai.enabled).') });
      return;
    }
    const stop = new AbortController();
    this.running = { id, stop };
    show({ state: 'streaming', html: '', status: vscode.l10n.t('Asking your chat model…') });
    const q = entry.question;
    const end = await askFeedback({
      source: chat.source,
      prompt: feedbackPrompt({ question: q.text, details: q.details, answer: q.answer, notes: study.getNote(id), token: randomHex(8) }),
      update: (feedback, model) =>
        show({ state: 'streaming', html: this.html(feedback.text), status: vscode.l10n.t('{0} is answering…', model) }),
      signal: stop.signal,
      words: { emptyReply: vscode.l10n.t('the model sent an empty reply'), noReason: vscode.l10n.t('no reason was given') },
    });
    if (this.running?.stop === stop) this.running = undefined;
    if (end.state === 'unavailable') {
      this.host.log(`Check My Answer has no model: ${end.message}`);
      return show({ state: 'unavailable', html: '', status: vscode.l10n.t('Check My Answer cannot run: {0}.', end.message) });
    }
    const html = this.html(end.feedback.text);
    if (end.state === 'cancelled') return show({ state: 'cancelled', html, status: vscode.l10n.t('Stopped. This reply is not kept.') });
    if (end.state === 'failed') {
      this.host.log(`Check My Answer failed on ${id}: ${end.message}`);
      return show({ state: 'failed', html, status: vscode.l10n.t('The check failed: {0}. This reply is not kept.', end.message) });
    }
    const kept: FeedbackEntry = { at: Date.now(), model: end.model, text: end.feedback.text, ...rating(end.feedback.rating) };
    const done = (status: string) => show({ state: 'done', html, status, ...rating(kept.rating) });
    done(vscode.l10n.t('Feedback from {0} · keeping it…', end.model));
    try {
      await study.store.feedback.add(study.bankId, id, kept);
      done(this.keptStatus(kept, study.store.feedback.entries(study.bankId, id).length));
    } catch (err) {
      // Storage retries the write and shows it among what is not saved; the page says so too.
      done(vscode.l10n.t('Feedback from {0} · not kept yet: {1}. It is retried.', end.model, (err as Error).message));
    }
  }

  private keptStatus(entry: FeedbackEntry, count: number): string {
    const when = new Date(entry.at).toLocaleString(vscode.env.language || 'en', { dateStyle: 'medium', timeStyle: 'short' });
    return count > 1
      ? vscode.l10n.t('Feedback from {0}, {1} · kept with the question ({2} replies kept)', entry.model, when, count)
      : vscode.l10n.t('Feedback from {0}, {1} · kept with the question', entry.model, when);
  }

  private html(text: string): string {
    return noteHtml(text, this.host.renderNote, (err) => this.host.log(`The feedback could not be shown as Markdown: ${err.message}`));
  }
}

const rating = (r: Rating | undefined) => (r ? { rating: r } : {});
