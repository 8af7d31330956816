// A fake chat model for the extension-host tests in VS Code for the Web (scripts/web-harness.mjs
// loads it beside the extension): it answers every request with canned feedback, a few characters
// at a time, and `fakeInterviewer.requests` returns the text of each request it was sent.
'use strict';
const vscode = require('vscode');

const REPLY = [
  '## Right',
  '- A QuerySet is lazy: <script>alert(1)</script> is not run.',
  '## Missing or wrong',
  '- Caching of results is not mentioned.',
  '## Follow-up',
  'When is a QuerySet evaluated twice?',
  '## Rating',
  '3',
].join('\n');

const requests = [];

function textOf(message) {
  return (message.content || []).map((part) => (typeof part.value === 'string' ? part.value : '')).join('');
}

exports.activate = function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('fakeInterviewer.requests', () => requests.slice()),
    vscode.lm.registerLanguageModelChatProvider('fake-interviewer', {
      provideLanguageModelChatInformation: () => [
        {
          id: 'fake-interviewer-1',
          name: 'Fake Interviewer',
          family: 'fake-interviewer',
          version: '1',
          maxInputTokens: 100000,
          maxOutputTokens: 4000,
          capabilities: {},
        },
      ],
      async provideLanguageModelChatResponse(_model, messages, _options, progress, token) {
        requests.push(messages.map(textOf).join('\n'));
        for (let i = 0; i < REPLY.length && !token.isCancellationRequested; i += 7) {
          progress.report(new vscode.LanguageModelTextPart(REPLY.slice(i, i + 7)));
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      },
      provideTokenCount: (_model, text) => Math.ceil((typeof text === 'string' ? text : textOf(text)).length / 4),
    }),
  );
};
