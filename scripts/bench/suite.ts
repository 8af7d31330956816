// The measurements of `npm run bench` that run inside this process (bundled by esbuild with
// 'vscode' external; scripts/bench.mjs puts the fake API in its place).
import { readFileSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBank } from '../../src/bank/parse';
import { countQuestions as countSection, type Bank } from '../../src/bank/model';
import { loadBankFile } from '../../src/bank/load';
import { nodeBankIo } from '../../src/bank/io-node';
import { parseDecoded } from '../../src/bank/decode';
import { StudyStore } from '../../src/progress/store';
import { Study } from '../../src/progress/study';
import { StudyTreeProvider } from '../../src/tree/provider';
import { QuestionPage } from '../../src/page/page';
import * as vscode from 'vscode';

import { MemoryStore as Memento } from '../../test/fakes/memory';
import { rateCard } from '../../src/review/fsrs';
import { withReview, type StoredReview } from '../../src/review/record';
import { keys } from '../../src/shared/keys';
import { statisticsBody } from '../../src/page/report-bodies';

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs fn `runs` times (after one warm-up unless cold), returns the timings in ms. */
export async function time(runs: number, fn: () => unknown, { warmup = true } = {}): Promise<number[]> {
  if (warmup) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** Measures the longest stretch the event loop was blocked while fn ran. */
export async function longestBlock<T>(fn: () => Promise<T>): Promise<{ result: T; blockedMs: number; totalMs: number }> {
  let last = performance.now();
  let worst = 0;
  let running = true;
  const tick = () => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
    if (running) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  const start = performance.now();
  const result = await fn();
  const totalMs = performance.now() - start;
  running = false;
  const now = performance.now();
  worst = Math.max(worst, now - last);
  return { result, blockedMs: worst, totalMs };
}

/** A generated bank: `sections` sections of numbered questions, about 100 bytes a question. */
export function generateBank(questions: number, sections = 20): string {
  const lines = ['# Generated bank', ''];
  const per = Math.ceil(questions / sections);
  let n = 0;
  for (let s = 1; s <= sections && n < questions; s++) {
    lines.push(`## ${s}. Section number ${s}`, '');
    for (let q = 1; q <= per && n < questions; q++, n++) {
      lines.push(
        `${q}. How does feature ${n} of \`module_${s}\` interact with *caching*, ` +
          `and what would you measure first?${n % 10 === 0 ? ' **done**' : ''}`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

export function parseBundled(root: string): () => void {
  const text = readFileSync(join(root, 'questions/django-interview-questions.md'), 'utf8');
  return () => {
    if (parseBank(text).sections.length !== 11) throw new Error('bad parse');
  };
}

export function readyBundled(root: string): () => Promise<void> {
  const file = join(root, 'questions/django-interview-questions.md');
  return async () => {
    const loaded = await loadBankFile(file, { io: nodeBankIo, cacheDirs: [join(root, 'dist/bank-cache')], parseInline: parseDecoded });
    if (loaded.via !== 'cache' || loaded.bank.sections.length !== 11)
      throw new Error(`bundled bank not from the build's cache (${loaded.via})`);
  };
}

/** A generated table of cards: `rows` rows of question and answer, quoted, with a tags column. */
export function generateCsv(rows: number): string {
  const lines = ['Question,Answer,Tags'];
  for (let n = 0; n < rows; n++)
    lines.push(`"How does feature ${n} interact with ""caching""?","It depends, on line one\nand on line two",section-${n % 20}`);
  return lines.join('\r\n');
}

export async function bigBank(
  root: string,
  runs: number,
  o: { name: string; text: string; questions: number } = {
    name: 'big-bank.md',
    text: generateBank(10000),
    questions: 10000,
  },
) {
  const dir = mkdtempSync(join(tmpdir(), 'django-prep-bench-bank-'));
  const file = join(dir, o.name);
  const { text } = o;
  writeFileSync(file, text);
  const workerFile = join(root, 'dist/bank-worker.js');
  const cold: number[] = [];
  const coldBlock: number[] = [];
  const warm: number[] = [];
  const warmBlock: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const cache = join(dir, `cache-${i}`);
      // Only the numbers are kept: a warm load (at start-up) has no other copy of its bank alive,
      // and one kept here made the warm load pay for marking it (a 50,000-card bank: 100 ms).
      const load = async () => {
        const loaded = await loadBankFile(file, { io: nodeBankIo, cacheDirs: [cache], workerFile, parseInline: parseDecoded });
        return { via: loaded.via, questions: countQuestions(loaded.bank) };
      };
      const c = await longestBlock(load);
      if (c.result.via !== 'worker' || c.result.questions !== o.questions) throw new Error(`cold load via ${c.result.via}`);
      cold.push(c.totalMs);
      coldBlock.push(c.blockedMs);
      await new Promise((r) => setTimeout(r, 300)); // the cache is written in the background
      const w = await longestBlock(load);
      if (w.result.via !== 'cache' || w.result.questions !== o.questions) throw new Error(`warm load via ${w.result.via}`);
      warm.push(w.totalMs);
      warmBlock.push(w.blockedMs);
    }
    // For comparison: the same parse on the calling thread blocks it for the whole parse.
    const inline = await longestBlock(() => loadBankFile(file, { io: nodeBankIo, parseInline: parseDecoded }));
    return { bytes: Buffer.byteLength(text), cold, coldBlock, warm, warmBlock, inlineBlock: inline.blockedMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The largest real bank (the 514 KB React document, list items opening with headings and their
 * answers) parsed cold in the worker, with the process's resident memory sampled every 5 ms
 * during the load: its peak above the level before is what the worker added.
 */
export async function realBank(root: string, runs: number) {
  const file = join(root, 'test/fixtures/realbanks/reactjs-interview-questions__README.md');
  const workerFile = join(root, 'dist/bank-worker.js');
  const dir = mkdtempSync(join(tmpdir(), 'django-prep-bench-real-'));
  const cold: number[] = [];
  const peakMb: number[] = [];
  let questions = 0;
  try {
    for (let i = 0; i < runs; i++) {
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
      const start = performance.now();
      const loaded = await loadBankFile(file, {
        io: nodeBankIo,
        cacheDirs: [join(dir, `cache-${i}`)],
        workerFile,
        parseInline: parseDecoded,
      });
      cold.push(performance.now() - start);
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      if (loaded.via !== 'worker') throw new Error(`the React bank loaded via ${loaded.via}`);
      questions = countQuestions(loaded.bank);
      peakMb.push((peak - before) / 1048576);
      await new Promise((r) => setTimeout(r, 300)); // the cache is written in the background
    }
    return { bytes: readFileSync(file).length, questions, cold, peakMb };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function countQuestions(bank: Bank): number {
  return bank.sections.reduce((n, s) => n + countSection(s), 0);
}

/** A study of one section holding 10,000 questions, all done, in an in-memory workspace storage. */
function bigStudy() {
  const bank = parseBank(generateBank(10000, 1));
  const memento = new Memento();
  const store = new StudyStore(memento);
  const study = new Study('bench', bank, store);
  return { study, store, memento };
}

export async function treeAndToggle(runs: number) {
  const { study, store } = bigStudy();
  await store.resetDone(
    'bench',
    study.entries.map((e) => e.question.id),
  );
  const tree = new StudyTreeProvider(study);
  const [section] = tree.getChildren();
  const children = await time(runs, () => {
    const nodes = tree.getChildren(section);
    for (const n of nodes) tree.getTreeItem(n);
    if (nodes.length !== 10000) throw new Error('children');
  });
  const id = study.entries[5000].question.id;
  const toggle = await time(runs, async () => {
    await study.setDone(id, !study.isDone(id));
  });
  tree.dispose();
  return { children, toggle, stored: store.doneIds('bench').size };
}

/**
 * Open Question… at 10,000 questions: the index built once, then each keystroke of a search as
 * typed (the worst of the prefixes, matching thousands of questions down to a few).
 */
export async function searchAt10k(runs: number) {
  const { study } = bigStudy();
  const buildStart = performance.now();
  study.search('warm');
  const build = performance.now() - buildStart;
  const typed = 'feature 4242 caching';
  const perKeystroke: number[] = [];
  for (let i = 1; i <= typed.length; i++) {
    const prefix = typed.slice(0, i);
    perKeystroke.push(median(await time(runs, () => void study.search(prefix))));
  }
  const found = study.search(typed);
  if (!found.slice(0, 2).some((h) => /feature 4242 /.test(study.entry(h.id)!.question.text)))
    throw new Error('the search did not find feature 4242 among its first two');
  return { build, worst: Math.max(...perKeystroke) };
}

/**
 * Review at 10,000 questions, each reviewed ten times over a year: a rating (stored, and the tree
 * looks again at which questions are due), and the statistics page's numbers and pictures.
 */
export async function reviewAt10k(runs: number) {
  const { study, memento } = bigStudy();
  const ids = study.entries.map((e) => e.question.id);
  const yearAgo = Date.now() - 365 * 86_400_000;
  for (const [n, id] of ids.entries()) {
    let review: StoredReview | undefined;
    for (let i = 0; i < 10; i++) {
      const at = yearAgo + i * 30 * 86_400_000 + n * 1000;
      const { card, entry } = rateCard(review?.card, (((n + i) % 4) + 1) as 1 | 2 | 3 | 4, at);
      review = withReview(review, card, entry);
    }
    await memento.update(keys.review('bench', id), review);
  }
  // As a restored backup or another window brings them in.
  study.store.changedElsewhere(ids.map((id) => keys.review('bench', id)));
  const tree = new StudyTreeProvider(study);
  const id = ids[5000];
  const rate = await time(runs, () => study.rate(id, 3));
  const stats = await time(runs, () => {
    const html = statisticsBody(study.statistics(), { lang: 'en', bankTitle: 'bench' });
    if ((html.match(/<svg /g) ?? []).length !== 4) throw new Error('statistics');
  });
  // With an interview date 30 days on: each rating is followed by the day's plan (the view's
  // description and the status bar), and the statistics add the burn-down.
  await study.setInterviewDate(new Date(new Date().setHours(0, 0, 0, 0) + 30 * 86_400_000).setHours(0, 0, 0, 0));
  const limits = { maxNewPerDay: 10, maxReviewsPerDay: 200 };
  const planned = await time(runs, async () => {
    await study.rate(id, 3);
    if (!study.dayPlan(limits)) throw new Error('no plan');
  });
  const plannedStats = await time(runs, () => {
    const html = statisticsBody(study.statistics(), { lang: 'en', bankTitle: 'bench' });
    if ((html.match(/<svg /g) ?? []).length !== 5) throw new Error('statistics with the burn-down');
  });
  tree.dispose();
  return { rate, stats, planned, plannedStats, due: study.dueIds().length };
}

export async function pageWithNote(runs: number) {
  const { study, store } = bigStudy();
  const id = study.entries[0].question.id;
  const note = 'A paragraph of answer notes, with `code` and *emphasis*. '.repeat(Math.ceil(102400 / 56)).slice(0, 102400);
  await store.setNote('bench', id, note);
  const panel = (
    vscode as unknown as { fakeWebviewPanel(t: string, title: string): vscode.WebviewPanel & { posted: string[] } }
  ).fakeWebviewPanel('djangoPrep.question', id);
  const host = { extensionUri: vscode.Uri.file('/ext'), study, log: () => {} };
  const timings = await time(runs, () => {
    const page = new QuestionPage(panel, host, id);
    page.show(id);
    page.dispose();
  });
  if (!panel.posted.some((m) => m.length > 102400)) throw new Error('the note was not sent');
  return timings;
}
