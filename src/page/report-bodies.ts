// What the report pages say: a review's summary and the statistics (a mock interview's summary
// is in mock-html.ts). Words through @vscode/l10n, numbers and dates through Intl, every text
// from a bank escaped. Pure: no 'vscode'.
import * as l10n from '@vscode/l10n';
import type { Statistics } from '../review/stats';
import type { BurnDown } from '../review/burndown';
import { dayAfter } from '../review/queue';
import type { SessionRating } from '../review/session';
import { dueText } from '../review/words';
import { barChart, heatmap, lineChart, linesChart } from './charts';
import { escapeHtml } from './render';
import { codicon } from './html';
import { questionLink } from './report-html';

export const ratingName = (r: number): string => [l10n.t('Again'), l10n.t('Hard'), l10n.t('Good'), l10n.t('Easy')][r - 1] ?? '';

export interface QuestionText {
  (id: string): string | undefined;
}

/** "24 Nov" in the display language. */
const dayLabel = (lang: string, at: number) => new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short' }).format(at);

export function reviewSummary(o: {
  ratings: readonly SessionRating[];
  fresh: boolean;
  textOf: QuestionText;
  nextDue?: number;
  dueNow: number;
  now: number;
  lang: string;
}): string {
  const tally = [1, 2, 3, 4].map((r) => o.ratings.filter((x) => x.rating === r).length);
  const counts = tally.map((count, i) => `<span class="rating r${i + 1}">${escapeHtml(ratingName(i + 1))} ${count}</span>`).join(' ');
  const next =
    o.dueNow > 0
      ? l10n.t('{0} more questions are due now.', o.dueNow)
      : o.nextDue !== undefined
        ? l10n.t('The next review falls due {0}.', dueText(o.nextDue, o.now, o.lang))
        : l10n.t('No review is scheduled.');
  const rows = o.ratings
    .map(
      (r) =>
        `<li>${questionLink(r.id, `${r.id} ${o.textOf(r.id) ?? ''}`)} ` +
        `<span class="rating r${r.rating}">${escapeHtml(ratingName(r.rating))}</span> ` +
        `<span class="muted">${escapeHtml(l10n.t('next {0}', dueText(r.due, o.now, o.lang)))}</span></li>`,
    )
    .join('');
  const title = o.fresh ? l10n.t('New questions done') : l10n.t('Review finished');
  const count = o.ratings.length === 1 ? l10n.t('You rated 1 question.') : l10n.t('You rated {0} questions.', o.ratings.length);
  return `<h1>${codicon('check-all')} ${escapeHtml(title)}</h1>
<p class="lead" id="summary-count">${escapeHtml(count)}</p>
<p class="tally" aria-label="${escapeHtml(l10n.t('Ratings'))}">${counts}</p>
<p id="summary-next">${escapeHtml(next)}</p>
<ul class="results">${rows}</ul>${
    o.ratings.length
      ? `\n<p><a href="#" id="undo-rating" data-undo-rating>${codicon('discard')} ${escapeHtml(l10n.t('Undo last rating'))}</a></p>`
      : ''
  }`;
}

/** The statistics page: four pictures, each with a sentence saying what it shows. */
export function statisticsBody(s: Statistics, o: { lang: string; bankTitle: string }): string {
  const { totals } = s;
  const label = (at: number) => dayLabel(o.lang, at);
  const percent = (v: number) => new Intl.NumberFormat(o.lang, { style: 'percent', maximumFractionDigits: 0 }).format(v);

  const doneNow = s.doneOverTime.at(-1)?.count ?? 0;
  const doneFirst = s.doneOverTime[0]?.count ?? 0;
  const doneWords = {
    title: l10n.t('Questions done over the last {0} days', s.doneOverTime.length),
    desc: l10n.t('From {0} to {1} questions done of {2}.', doneFirst, doneNow, totals.questions),
  };
  const done = lineChart(
    s.doneOverTime.map((d) => ({ label: label(d.day), value: d.count })),
    doneWords,
  );

  const reviewDays = s.reviewsPerDay.filter((d) => d.count > 0);
  const busiest = reviewDays.reduce<{ day: number; count: number } | undefined>((b, d) => (!b || d.count > b.count ? d : b), undefined);
  const weekday = new Intl.DateTimeFormat(o.lang, { weekday: 'short' });
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((i) => weekday.format(new Date(2024, 0, i))); // 1 Jan 2024 was a Monday
  let lastMonth = -1;
  const heatWords = {
    title: l10n.t('Reviews per day over the last {0} weeks', Math.ceil(s.reviewsPerDay.length / 7)),
    desc: busiest
      ? l10n.t(
          '{0} reviews on {1} days; the most on {2} ({3}).',
          reviewDays.reduce((n, d) => n + d.count, 0),
          reviewDays.length,
          label(busiest.day),
          busiest.count,
        )
      : l10n.t('No reviews yet.'),
  };
  const heat = heatmap(
    s.reviewsPerDay.map((d, i) => {
      const month = new Date(d.day).getMonth();
      const first = i % 7 === 0 && month !== lastMonth;
      if (first) lastMonth = month;
      return {
        label: label(d.day),
        value: d.count,
        month: first ? new Intl.DateTimeFormat(o.lang, { month: 'short' }).format(d.day) : undefined,
      };
    }),
    {
      ...heatWords,
      weekdays,
      unit: (count) => (count === 1 ? l10n.t('1 review') : l10n.t('{0} reviews', count)),
    },
  );

  const overall = totals.learnedReviews ? totals.recalled / totals.learnedReviews : undefined;
  const retentionWords = {
    title: l10n.t('Retention per week over the last {0} weeks', s.retention.length),
    desc:
      overall === undefined
        ? l10n.t('No reviews of learned questions yet: retention shows once a question comes back for review.')
        : l10n.t('{0} of {1} reviews of learned questions were recalled ({2}).', totals.recalled, totals.learnedReviews, percent(overall)),
  };
  const retention = barChart(
    s.retention.map((w) => ({
      label: label(w.week),
      value: w.reviews ? w.recalled / w.reviews : undefined,
      text: w.reviews ? l10n.t('{0} recalled of {1}', w.recalled, w.reviews) : undefined,
    })),
    {
      ...retentionWords,
      max: 1,
      every: 3,
      format: percent,
    },
  );

  const dueTotal = s.dueNext.reduce((n, d) => n + d.count, 0);
  const dueWords = {
    title: l10n.t('Reviews falling due in the next {0} days', s.dueNext.length),
    desc: l10n.t(
      '{0} reviews in the next {1} days, {2} of them today (overdue included).',
      dueTotal,
      s.dueNext.length,
      s.dueNext[0]?.count ?? 0,
    ),
  };
  const due = barChart(
    s.dueNext.map((d) => ({ label: label(d.day), value: d.count })),
    { ...dueWords, every: 2 },
  );

  const plan = s.burnDown && burnDownFigure(s.burnDown, label);

  // The chart's title as the caption; its text alternative (the image's own desc) also shown under it.
  const figure = (id: string, icon: string, words: { title: string; desc: string }, chart: string) =>
    `<figure id="${id}"><figcaption>${codicon(icon)} ${escapeHtml(words.title)}</figcaption>${chart}` +
    `<p class="alt" aria-hidden="true">${escapeHtml(words.desc)}</p></figure>`;
  const facts = [
    [l10n.t('done'), `${totals.done}/${totals.questions}`],
    [l10n.t('reviewed'), `${totals.reviewed}/${totals.questions}`],
    [l10n.t('reviews'), String(totals.reviews)],
    [l10n.t('due now'), String(totals.dueNow)],
    [l10n.t('retention'), overall === undefined ? '–' : percent(overall)],
    [
      l10n.t('day streak'),
      s.streak.longest > s.streak.current ? l10n.t('{0} (longest {1})', s.streak.current, s.streak.longest) : String(s.streak.current),
    ],
  ]
    .map(([k, v]) => `<div class="fact"><span class="value">${escapeHtml(v)}</span> <span class="key">${escapeHtml(k)}</span></div>`)
    .join('');
  return `<h1>${codicon('graph')} ${escapeHtml(l10n.t('Study statistics: {0}', o.bankTitle))}</h1>
<div class="facts">${facts}</div>
${plan ? figure('burn-down', 'calendar', plan.words, plan.chart) : ''}
${figure('done-over-time', 'pass', doneWords, done)}
${figure('reviews-per-day', 'calendar', heatWords, heat)}
${figure('retention', 'lightbulb', retentionWords, retention)}
${figure('due-next', 'history', dueWords, due)}`;
}

/** The burn-down to the interview date: seen and reviewed twice against the plan, with a legend. */
function burnDownFigure(b: BurnDown, label: (at: number) => string): { words: { title: string; desc: string }; chart: string } {
  const today = b.seen.filter((v) => v !== undefined).length - 1; // the days so far come first
  const seen = b.seen[today] ?? 0;
  const twice = b.twice[today] ?? 0;
  const planned = b.planned[today] ?? 0;
  const words = {
    title: l10n.t('Toward the interview on {0}', label(dayAfter(b.days.at(-1)!, 1))),
    desc: l10n.t(
      'By today {0} of {1} questions seen and {2} reviewed twice; the plan has {3} seen by today and every one by {4}.',
      seen,
      b.total,
      twice,
      planned,
      label(b.days[b.planned.findIndex((v) => v >= b.total)] ?? b.days.at(-1)!),
    ),
  };
  const names = { seen: l10n.t('Seen'), twice: l10n.t('Reviewed twice'), planned: l10n.t('Plan') };
  const chart = linesChart(
    b.days.map(label),
    [
      { name: names.planned, className: 'planned', values: b.planned },
      { name: names.seen, className: 'seen', values: b.seen },
      { name: names.twice, className: 'twice', values: b.twice },
    ],
    { ...words, max: b.total },
  );
  const legend = (['seen', 'twice', 'planned'] as const)
    .map((k) => `<li><span class="swatch ${k}" aria-hidden="true"></span>${escapeHtml(names[k])}</li>`)
    .join('');
  return { words, chart: `${chart}<ul class="legend" aria-hidden="true">${legend}</ul>` };
}
