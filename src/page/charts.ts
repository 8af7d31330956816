// Small SVG charts drawn here, without a chart library: a line of a running count, a calendar
// heatmap and bars. Colours come from the theme through classes (media/report.css); each chart
// is an image with a text alternative (its title and a sentence of what it shows) and each mark
// carries its own title. Every word is escaped. Pure: no 'vscode'.
import { escapeHtml } from './render';

export interface Point {
  /** The mark's label for its tooltip and the text alternative ("24 Nov"). */
  label: string;
  value: number;
}

let chartSeq = 0;
const nextId = (prefix: string) => `${prefix}-${++chartSeq}`;
const n = (v: number) => Number(v.toFixed(1));

function frame(width: number, height: number, title: string, desc: string, body: string): string {
  const t = nextId('chart-title');
  const d = nextId('chart-desc');
  return (
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${t} ${d}"` +
    ` preserveAspectRatio="xMinYMin meet"><title id="${t}">${escapeHtml(title)}</title>` +
    `<desc id="${d}">${escapeHtml(desc)}</desc>${body}</svg>`
  );
}

/** A tick label: text at a point, escaped; `anchor` as SVG's text-anchor. */
function tick(x: number, y: number, text: string, anchor?: 'middle' | 'end'): string {
  return `<text class="tick" x="${x}" y="${y}"${anchor ? ` text-anchor="${anchor}"` : ''}>${escapeHtml(text)}</text>`;
}

/** The x axis at y, with the top value and 0 marked on the left. */
function axis(left: number, right: number, y0: number, yMax: number, max: string, zero: string): string {
  const line = `<line class="axis" x1="${left}" y1="${y0}" x2="${right}" y2="${y0}"/>`;
  return line + tick(left - 6, yMax + 4, max, 'end') + tick(left - 6, y0 + 4, zero, 'end');
}

/** A running count over days: a line over a shaded area, the axis marked at 0 and at the top. */
export function lineChart(points: readonly Point[], o: { title: string; desc: string }): string {
  const width = 560;
  const height = 160;
  const left = 36;
  const bottom = 22;
  const top = 10;
  const max = Math.max(1, ...points.map((p) => p.value));
  const x = (i: number) => left + (points.length > 1 ? (i * (width - left - 8)) / (points.length - 1) : 0);
  const y = (v: number) => top + (height - top - bottom) * (1 - v / max);
  const line = points.map((p, i) => `${n(x(i))},${n(y(p.value))}`).join(' ');
  const area = points.length ? `${n(x(0))},${n(y(0))} ${line} ${n(x(points.length - 1))},${n(y(0))}` : '';
  const dots = points
    .map(
      (p, i) =>
        `<circle class="dot" cx="${n(x(i))}" cy="${n(y(p.value))}" r="2.5"><title>${escapeHtml(`${p.label}: ${p.value}`)}</title></circle>`,
    )
    .join('');
  const axes = axis(left, width - 8, n(y(0)), n(y(max)), String(max), '0');
  const labels = points.length
    ? tick(left, height - 6, points[0].label) + tick(width - 8, height - 6, points[points.length - 1].label, 'end')
    : '';
  return frame(
    width,
    height,
    o.title,
    o.desc,
    `${axes}<polygon class="area" points="${area}"/><polyline class="line" points="${line}"/>${dots}${labels}`,
  );
}

/** One line of several over the same days: its name (for the marks' titles), class and values (undefined: not yet). */
export interface Series {
  name: string;
  className: string;
  values: ReadonlyArray<number | undefined>;
}

/** Several lines over the same days, the axis from 0 to `max`; a series stops where its values do. */
export function linesChart(labels: readonly string[], series: readonly Series[], o: { title: string; desc: string; max: number }): string {
  const width = 560;
  const height = 180;
  const left = 36;
  const bottom = 22;
  const top = 10;
  const max = Math.max(1, o.max);
  const x = (i: number) => left + (labels.length > 1 ? (i * (width - left - 8)) / (labels.length - 1) : 0);
  const y = (v: number) => top + (height - top - bottom) * (1 - v / max);
  const lines = series
    .map((s) => {
      const shown = s.values.map((v, i) => [i, v] as const).filter((p): p is readonly [number, number] => p[1] !== undefined);
      const points = shown.map(([i, v]) => `${n(x(i))},${n(y(v))}`).join(' ');
      const last = shown.at(-1);
      const end = last
        ? `<circle class="dot ${s.className}" cx="${n(x(last[0]))}" cy="${n(y(last[1]))}" r="3">` +
          `<title>${escapeHtml(`${s.name}, ${labels[last[0]]}: ${last[1]}`)}</title></circle>`
        : '';
      return `<polyline class="line ${s.className}" points="${points}"/>${end}`;
    })
    .join('');
  const axes = axis(left, width - 8, n(y(0)), n(y(max)), String(max), '0');
  const ends = labels.length ? tick(left, height - 6, labels[0]) + tick(width - 8, height - 6, labels[labels.length - 1], 'end') : '';
  return frame(width, height, o.title, o.desc, `${axes}${lines}${ends}`);
}

/** Bars with a value each (a missing value, `undefined`, leaves a gap), labelled under every `every`-th bar. */
export interface Bar {
  label: string;
  /** Undefined: no value that day or week (a gap, not a zero). */
  value: number | undefined;
  /** The tooltip's words for the value, when not the formatted number. */
  text?: string;
}

export function barChart(
  points: readonly Bar[],
  o: { title: string; desc: string; max?: number; every?: number; format?: (v: number) => string },
): string {
  const width = 560;
  const height = 160;
  const left = 36;
  const bottom = 22;
  const top = 10;
  const format = o.format ?? String;
  const max = o.max ?? Math.max(1, ...points.map((p) => p.value ?? 0));
  const slot = (width - left - 8) / Math.max(1, points.length);
  const y = (v: number) => top + (height - top - bottom) * (1 - v / max);
  const every = o.every ?? 1;
  const bars = points
    .map((p, i) => {
      const x = left + i * slot + slot * 0.15;
      const label = i % every === 0 ? tick(n(x + slot * 0.35), height - 6, p.label, 'middle') : '';
      if (p.value === undefined) return label;
      const h = Math.max(p.value > 0 ? 1 : 0, y(0) - y(p.value));
      const title = escapeHtml(`${p.label}: ${p.text ?? format(p.value)}`);
      const rect = `<rect class="bar" x="${n(x)}" y="${n(y(0) - h)}" width="${n(slot * 0.7)}" height="${n(h)}">`;
      return `${rect}<title>${title}</title></rect>${label}`;
    })
    .join('');
  return frame(width, height, o.title, o.desc, axis(left, width - 8, n(y(0)), n(y(max)), format(max), format(0)) + bars);
}

/**
 * A calendar heatmap: one column per week (Monday at the top), one cell per day, darker for more.
 * `days` start on a Monday; `weekdays` names the rows (Monday first) and `months` labels a column.
 */
export function heatmap(
  days: ReadonlyArray<Point & { month?: string }>,
  o: { title: string; desc: string; weekdays: string[]; unit: (count: number) => string },
): string {
  const cell = 11;
  const gap = 2;
  const left = 30;
  const top = 16;
  const weeks = Math.ceil(days.length / 7);
  const width = left + weeks * (cell + gap) + 4;
  const height = top + 7 * (cell + gap) + 4;
  const max = Math.max(1, ...days.map((d) => d.value));
  const level = (v: number) => (v === 0 ? 0 : Math.min(4, Math.ceil((v / max) * 4)));
  const cells = days
    .map((d, i) => {
      const col = Math.floor(i / 7);
      const row = i % 7;
      const x = left + col * (cell + gap);
      const month = d.month && row === 0 ? tick(x, top - 5, d.month) : '';
      const title = escapeHtml(`${d.label}: ${o.unit(d.value)}`);
      const y = top + row * (cell + gap);
      const rect = `<rect class="cell l${level(d.value)}" x="${x}" y="${y}" width="${cell}" height="${cell}" rx="2">`;
      return `${month}${rect}<title>${title}</title></rect>`;
    })
    .join('');
  const rows = [0, 2, 4].map((r) => tick(left - 4, top + r * (cell + gap) + cell - 2, o.weekdays[r] ?? '', 'end')).join('');
  return frame(width, height, o.title, o.desc, rows + cells);
}
