// The chat model Check My Answer asks: the learner's own, through VS Code's Language Model API
// (`vscode.lm`, VS Code 1.90 and later). The extension's `engines` stays at 1.82 (vsce refuses
// @types/vscode newer than it), so the few types used are declared here and the API is looked for
// at run time: an older VS Code, or a host without it, gets a FeedbackSource that says why.
import * as vscode from 'vscode';
import type { FeedbackModel, FeedbackSource } from '../review/feedback';

interface LmCancellation {
  readonly isCancellationRequested: boolean;
}
export interface LmChat {
  readonly name: string;
  readonly family: string;
  sendRequest(messages: unknown[], options?: { justification?: string }, token?: LmCancellation): Thenable<{ text: AsyncIterable<string> }>;
}
interface LmApi {
  selectChatModels(selector?: { family?: string }): Thenable<LmChat[]>;
}
interface LmMessageClass {
  User(content: string): unknown;
}

/** VS Code's Language Model API where this VS Code has it. */
function languageModels(): { lm: LmApi; message: LmMessageClass } | undefined {
  const api = vscode as unknown as { lm?: Partial<LmApi>; LanguageModelChatMessage?: Partial<LmMessageClass> };
  if (typeof api.lm?.selectChatModels !== 'function' || typeof api.LanguageModelChatMessage?.User !== 'function') return undefined;
  return { lm: api.lm as LmApi, message: api.LanguageModelChatMessage as LmMessageClass };
}

/**
 * The model of the family the learner named (djangoPrep.ai.model), else the first VS Code offers.
 * VS Code asks the learner once whether this extension may use it; a refusal is the request's error.
 */
export function chatModelSource(family: () => string): FeedbackSource {
  return async () => {
    const api = languageModels();
    if (!api)
      return {
        unavailable: vscode.l10n.t('this VS Code has no chat models for extensions (the Language Model API of VS Code 1.90 or later)'),
      };
    const wanted = family().trim();
    const models = await api.lm.selectChatModels(wanted ? { family: wanted } : {});
    const model = models[0];
    if (!model)
      return {
        unavailable: wanted
          ? vscode.l10n.t('no chat model of the family "{0}" (djangoPrep.ai.model) is available', wanted)
          : vscode.l10n.t('no chat model is available: install GitHub Copilot Chat or another extension that provides one'),
      };
    return { model: feedbackModel(model) };
  };
}

/** A chat model of VS Code's (the one a chat request came with, or one selected) as Check My Answer sends to it. */
export function feedbackModel(model: LmChat): FeedbackModel {
  return {
    name: model.name,
    async *send(prompt, signal) {
      const api = languageModels();
      if (!api) throw new Error(vscode.l10n.t('this VS Code has no chat models for extensions'));
      const source = new vscode.CancellationTokenSource();
      const cancel = () => source.cancel();
      signal.addEventListener('abort', cancel);
      try {
        const response = await model.sendRequest(
          [api.message.User(prompt)],
          { justification: vscode.l10n.t('Check My Answer sends the question, the bank’s answer and your notes to give you feedback.') },
          source.token,
        );
        yield* response.text;
      } finally {
        signal.removeEventListener('abort', cancel);
        source.dispose();
      }
    },
  };
}
