// @interviewer in VS Code's chat (`contributes.chatParticipants`, VS Code 1.90 and later, looked
// for at run time like the Language Model API): `/quiz [section]` asks the next question due, or
// not done, and grades the learner's next message as Check My Answer grades notes; `/explain`
// explains the question on the page, with the bank's answer as context. The model is the one the
// learner picked in the chat view, else djangoPrep.ai.model's. The bank's words are escaped
// into the chat's Markdown; the model's are shown by the chat as it shows any reply.
import * as vscode from 'vscode';
import type { Study } from '../progress/study';
import { COMMANDS, CHAT_PARTICIPANT } from '../shared/ids';
import { askFeedback, feedbackPrompt, type FeedbackSource } from '../review/feedback';
import { explainPrompt, markdownText, quizQuestion } from '../review/interviewer';
import { feedbackModel, type LmChat } from '../page/chat-model';
import { shownId } from '../bank/ids';
import { randomHex } from '../util/random';
import type { QuestionEntry } from '../bank/model';

interface ChatRequest {
  readonly prompt: string;
  readonly command?: string;
  /** The model picked in the chat view (VS Code 1.95 and later). */
  readonly model?: LmChat;
}
interface ChatContext {
  readonly history: readonly { readonly result?: { readonly metadata?: unknown } }[];
}
interface ChatStream {
  markdown(text: string): void;
  button(command: { command: string; title: string; arguments?: unknown[] }): void;
  progress(text: string): void;
}
interface CancelToken {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): vscode.Disposable;
}
type Handler = (request: ChatRequest, context: ChatContext, stream: ChatStream, token: CancelToken) => Promise<{ metadata?: QuizTurn }>;
interface ChatApi {
  createChatParticipant(id: string, handler: Handler): vscode.Disposable & { iconPath?: unknown };
}

/** What a /quiz turn leaves for the next: the question the learner's next message answers. */
interface QuizTurn {
  quiz: string;
}

export interface InterviewerHost {
  study: Study;
  /** The question shown on a page now, if any. */
  shownQuestion(): string | undefined;
  /** Check My Answer's model when the chat view gives none; whether it is turned on. */
  chat: { enabled(): boolean; source: FeedbackSource };
}

/** Registers @interviewer where this VS Code has chat participants; undefined where it has not. */
export function registerInterviewer(host: InterviewerHost): vscode.Disposable | undefined {
  const chat = (vscode as unknown as { chat?: Partial<ChatApi> }).chat;
  if (typeof chat?.createChatParticipant !== 'function') return undefined;
  const participant = chat.createChatParticipant(CHAT_PARTICIPANT, (request, context, stream, token) =>
    interview(host, request, context, stream, token),
  );
  participant.iconPath = new vscode.ThemeIcon('mortar-board');
  return participant;
}

/** One turn of @interviewer. Exported for the tests, which give it a fake chat. */
export async function interview(
  host: InterviewerHost,
  request: ChatRequest,
  context: ChatContext,
  stream: ChatStream,
  token: CancelToken,
): Promise<{ metadata?: QuizTurn }> {
  const { study } = host;
  if (!host.chat.enabled()) {
    stream.markdown(vscode.l10n.t('@interviewer is turned off, with Check My Answer (`djangoPrep.ai.enabled`).'));
    return {};
  }
  if (request.command === 'quiz') {
    const picked = quizQuestion(study.entries, { due: new Set(study.dueIds()), isDone: (id) => study.isDone(id), section: request.prompt });
    if ('none' in picked) {
      stream.markdown(
        picked.none === 'no-section'
          ? vscode.l10n.t('No section of {0} is called "{1}".', markdownText(study.bank.title), markdownText(request.prompt.trim()))
          : vscode.l10n.t('Every question there is done, and none is due for review. Well done.'),
      );
      return {};
    }
    const { question } = picked.entry;
    stream.markdown(`**${markdownText(shownId(question.id))}** · ${markdownText(question.text)}\n\n`);
    if (question.details) stream.markdown(`${markdownText(question.details)}\n\n`);
    stream.markdown(vscode.l10n.t('Answer in your next message to @interviewer, and I will grade it.'));
    openButton(stream, picked.entry);
    return { metadata: { quiz: question.id } };
  }
  const source = request.model ? async () => ({ model: feedbackModel(request.model!) }) : host.chat.source;
  if (request.command === 'explain') {
    const id = host.shownQuestion();
    const entry = id ? study.entry(id) : undefined;
    if (!entry) {
      stream.markdown(vscode.l10n.t('Open a question first: /explain explains the question on its page.'));
      return {};
    }
    const q = entry.question;
    stream.markdown(`**${markdownText(shownId(q.id))}** · ${markdownText(q.text)}\n\n`);
    await reply(stream, token, source, explainPrompt({ question: q.text, details: q.details, answer: q.answer, token: randomHex(8) }));
    return {};
  }
  const asked = lastQuiz(context);
  const entry = asked ? study.entry(asked) : undefined;
  if (!entry) {
    stream.markdown(
      vscode.l10n.t('Ask me `/quiz` (or `/quiz ORM` for a section) for a question, or `/explain` for the question on the page.'),
    );
    return {};
  }
  const q = entry.question;
  stream.progress(vscode.l10n.t('Grading your answer to {0}…', shownId(q.id)));
  await reply(
    stream,
    token,
    source,
    feedbackPrompt({ question: q.text, details: q.details, answer: q.answer, notes: request.prompt, token: randomHex(8) }),
  );
  openButton(stream, entry);
  return {};
}

/** The question the last /quiz turn asked, if the learner has not been graded on it yet. */
function lastQuiz(context: ChatContext): string | undefined {
  const last = [...context.history].reverse().find((turn) => turn.result !== undefined);
  const metadata = last?.result?.metadata as Partial<QuizTurn> | undefined;
  return typeof metadata?.quiz === 'string' ? metadata.quiz : undefined;
}

/** Streams a model's reply into the chat as it comes; an end without one says why. */
async function reply(stream: ChatStream, token: CancelToken, source: FeedbackSource, prompt: string): Promise<void> {
  const stop = new AbortController();
  const listening = token.onCancellationRequested(() => stop.abort());
  let shown = 0;
  const more = (text: string) => {
    if (text.length > shown) stream.markdown(text.slice(shown));
    shown = Math.max(shown, text.length);
  };
  try {
    const end = await askFeedback({
      source,
      prompt,
      update: (feedback) => more(feedback.text),
      signal: stop.signal,
      words: { emptyReply: vscode.l10n.t('the model sent an empty reply'), noReason: vscode.l10n.t('no reason was given') },
    });
    if (end.state === 'unavailable') stream.markdown(vscode.l10n.t('I cannot answer: {0}.', end.message));
    else more(end.feedback.text);
    if (end.state === 'failed') stream.markdown(`\n\n${vscode.l10n.t('The model failed: {0}.', end.message)}`);
  } finally {
    listening.dispose();
  }
}

function openButton(stream: ChatStream, entry: QuestionEntry): void {
  stream.button({
    command: COMMANDS.openQuestion,
    title: vscode.l10n.t('Open {0} on its page', shownId(entry.question.id)),
    arguments: [entry.question.id],
  });
}
