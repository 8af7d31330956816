// @interviewer in the chat, through a fake chat: /quiz picks the next due or undone question (in
// a section) and the next message is graded with the model the chat view gives; /explain sends
// the question on the page with the bank's answer; the bank's words are escaped; off, it asks nothing.
import '../../fakes/vscode-hook';
import assert from 'node:assert/strict';
import { StudyStore } from '../../../src/progress/store';
import { Study } from '../../../src/progress/study';
import { parseBank } from '../../../src/bank/parse';
import { interview, type InterviewerHost } from '../../../src/chat/interviewer';
import { quizQuestion, markdownText } from '../../../src/review/interviewer';
import { COMMANDS } from '../../../src/shared/ids';
import { MemoryStore } from '../../fakes/memory';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const fake = require('../../fakes/vscode.cjs') as Record<string, unknown>;

const BANK = parseBank(
  [
    '## ORM',
    '',
    '### 1. What is a QuerySet?',
    '',
    'A lazy query.',
    '',
    '### 2. What does *select_related* do?',
    '',
    'A join.',
    '',
    '## Views',
    '',
    '### 1. What is a [view](javascript:alert(1))?',
    '',
    'A callable.',
  ].join('\n'),
);

/** A chat response stream that records what it was given. */
function chatStream() {
  const parts: string[] = [];
  const buttons: { command: string; arguments?: unknown[] }[] = [];
  return {
    parts,
    buttons,
    text: () => parts.join(''),
    stream: { markdown: (t: string) => parts.push(t), button: (b: (typeof buttons)[0]) => buttons.push(b), progress: () => undefined },
  };
}
const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };

/** The model the chat view gives with its request: it replies with `reply` and records each prompt. */
function chatModel(reply: string) {
  const prompts: string[] = [];
  return {
    prompts,
    model: {
      name: 'Chat View Model',
      family: 'view',
      sendRequest: async (messages: { content: string }[]) => {
        prompts.push(messages.map((m) => m.content).join('\n'));
        return {
          text: (async function* () {
            yield reply.slice(0, 10);
            yield reply.slice(10);
          })(),
        };
      },
    },
  };
}

describe('@interviewer in the chat', () => {
  let study: Study;
  let host: InterviewerHost;
  let enabled: boolean;
  let shown: string | undefined;
  beforeEach(() => {
    study = new Study('bank', BANK, new StudyStore(new MemoryStore()));
    enabled = true;
    shown = undefined;
    host = {
      study,
      shownQuestion: () => shown,
      chat: { enabled: () => enabled, source: async () => ({ unavailable: 'no chat model is available' }) },
    };
    fake.LanguageModelChatMessage = { User: (content: string) => ({ content }) };
    fake.CancellationTokenSource = class {
      token = { isCancellationRequested: false };
      cancel() {}
      dispose() {}
    };
    fake.lm = { selectChatModels: async () => [] };
  });
  afterEach(() => (fake.lm = fake.LanguageModelChatMessage = fake.CancellationTokenSource = undefined));

  it('picks the first question due, else the first not done, in the sections named', () => {
    const entries = study.entries;
    const ids = entries.map((e) => e.question.id);
    const pick = (o: { due?: string[]; done?: string[]; section?: string }) => {
      const r = quizQuestion(entries, { due: new Set(o.due ?? []), isDone: (id) => (o.done ?? []).includes(id), section: o.section ?? '' });
      return 'entry' in r ? r.entry.question.id : r.none;
    };
    assert.equal(pick({}), ids[0]);
    assert.equal(pick({ done: [ids[0]] }), ids[1]);
    assert.equal(pick({ done: [ids[0]], due: [ids[2]] }), ids[2], 'a due question first');
    assert.equal(pick({ section: 'views' }), ids[2]);
    assert.equal(pick({ section: 'templates' }), 'no-section');
    assert.equal(pick({ done: ids }), 'all-done');
  });

  it('/quiz asks the question, escaped, with a button to its page; the next message is graded by the chat view’s model', async () => {
    await study.setDone(study.entries[0].question.id, true);
    await study.setDone(study.entries[1].question.id, true);
    const asked = chatStream();
    const result = await interview(host, { prompt: '', command: 'quiz' }, { history: [] }, asked.stream, token);
    const id = study.entries[2].question.id;
    assert.deepEqual(result, { metadata: { quiz: id } });
    assert.match(asked.text(), /What is a view\?/);
    assert.doesNotMatch(asked.text(), /javascript/, 'the bank’s link is not passed on');
    assert.deepEqual(asked.buttons, [{ command: COMMANDS.openQuestion, title: 'Open #1 on its page', arguments: [id] }]);

    const reply = '## Right\n- callable\n## Rating\n3';
    const m = chatModel(reply);
    const graded = chatStream();
    await interview(host, { prompt: 'A function taking a request.', model: m.model }, { history: [{}, { result }] }, graded.stream, token);
    assert.equal(graded.text(), reply, 'the reply streamed in pieces, each once');
    assert.match(m.prompts[0], /<<<CANDIDATE_ANSWER (\w+)\nA function taking a request\.\nCANDIDATE_ANSWER \1>>>/);
    assert.match(m.prompts[0], /<<<REFERENCE_ANSWER \w+\nA callable\./);
    assert.equal(graded.buttons.length, 1);
  });

  it('/explain explains the question on the page with the bank’s answer; without a page it says so', async () => {
    const none = chatStream();
    await interview(host, { prompt: '', command: 'explain' }, { history: [] }, none.stream, token);
    assert.match(none.text(), /Open a question first/);
    shown = study.entries[0].question.id;
    const m = chatModel('A QuerySet is evaluated when iterated.');
    const explained = chatStream();
    await interview(host, { prompt: '', command: 'explain', model: m.model }, { history: [] }, explained.stream, token);
    assert.match(m.prompts[0], /Explain the interview question below/);
    assert.match(m.prompts[0], /<<<REFERENCE_ANSWER \w+\nA lazy query\./);
    assert.match(explained.text(), /A QuerySet is evaluated when iterated\.$/);
  });

  it('without a model says why; turned off, it asks nothing; a message after no quiz says what it can do', async () => {
    const quiz = { metadata: { quiz: study.entries[0].question.id } };
    const why = chatStream();
    await interview(host, { prompt: 'Lazy.' }, { history: [{ result: quiz }] }, why.stream, token);
    assert.match(why.text(), /I cannot answer: no chat model is available\./);
    const help = chatStream();
    await interview(host, { prompt: 'hello' }, { history: [] }, help.stream, token);
    assert.match(help.text(), /\/quiz/);
    enabled = false;
    const m = chatModel('never');
    const off = chatStream();
    await interview(host, { prompt: 'Lazy.', model: m.model }, { history: [{ result: quiz }] }, off.stream, token);
    assert.match(off.text(), /turned off/);
    assert.deepEqual(m.prompts, []);
  });

  it('escapes every Markdown sign of a bank’s text', () => {
    assert.equal(markdownText('a *b* [c](d) <e> `f` #g'), 'a \\*b\\* \\[c\\]\\(d\\) \\<e\\> \\`f\\` \\#g');
  });
});
