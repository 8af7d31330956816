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
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${t} ${d}" preserveAspectRatio="xMinYMin meet"><title id="${t}">${escapeHtml(title)}</title><desc id="${d}">${escapeHtml(desc)}</desc>${body}</svg>`;
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
  const dots = points.map((p, i) => `<circle class="dot" cx="${n(x(i))}" cy="${n(y(p.value))}" r="2.5"><title>${escapeHtml(`${p.label}: ${p.value}`)}</title></circle>`).join('');
  const axis = `<line class="axis" x1="${left}" y1="${n(y(0))}" x2="${width - 8}" y2="${n(y(0))}"/><text class="tick" x="${left - 6}" y="${n(y(max)) + 4}" text-anchor="end">${max}</text><text class="tick" x="${left - 6}" y="${n(y(0)) + 4}" text-anchor="end">0</text>`;
  const labels = points.length ? `<text class="tick" x="${left}" y="${height - 6}">${escapeHtml(points[0].label)}</text><text class="tick" x="${width - 8}" y="${height - 6}" text-anchor="end">${escapeHtml(points[points.length - 1].label)}</text>` : '';
  return frame(width, height, o.title, o.desc, `${axis}<polygon class="area" points="${area}"/><polyline class="line" points="${line}"/>${dots}${labels}`);
}

/** Bars with a value each (a missing value, `undefined`, leaves a gap), labelled under every `every`-th bar. */
export interface Bar {
  label: string;
  /** Undefined: no value that day or week (a gap, not a zero). */
  value: number | undefined;
  /** The tooltip's words for the value, when not the formatted number. */
  text?: string;
}

export function barChart(points: readonly Bar[], o: { title: string; desc: string; max?: number; every?: number; format?: (v: number) => string }): string {
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
      const label = i % every === 0 ? `<text class="tick" x="${n(x + slot * 0.35)}" y="${height - 6}" text-anchor="middle">${escapeHtml(p.label)}</text>` : '';
      if (p.value === undefined) return label;
      const h = Math.max(p.value > 0 ? 1 : 0, y(0) - y(p.value));
      return `<rect class="bar" x="${n(x)}" y="${n(y(0) - h)}" width="${n(slot * 0.7)}" height="${n(h)}"><title>${escapeHtml(`${p.label}: ${p.text ?? format(p.value)}`)}</title></rect>${label}`;
    })
    .join('');
  const axis = `<line class="axis" x1="${left}" y1="${n(y(0))}" x2="${width - 8}" y2="${n(y(0))}"/><text class="tick" x="${left - 6}" y="${n(y(max)) + 4}" text-anchor="end">${escapeHtml(format(max))}</text><text class="tick" x="${left - 6}" y="${n(y(0)) + 4}" text-anchor="end">${escapeHtml(format(0))}</text>`;
  return frame(width, height, o.title, o.desc, axis + bars);
}

/**
 * A calendar heatmap: one column per week (Monday at the top), one cell per day, darker for more.
 * `days` start on a Monday; `weekdays` names the rows (Monday first) and `months` labels a column.
 */
export function heatmap(days: ReadonlyArray<Point & { month?: string }>, o: { title: string; desc: string; weekdays: string[]; unit: (count: number) => string }): string {
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
      const month = d.month && row === 0 ? `<text class="tick" x="${x}" y="${top - 5}">${escapeHtml(d.month)}</text>` : '';
      return `${month}<rect class="cell l${level(d.value)}" x="${x}" y="${top + row * (cell + gap)}" width="${cell}" height="${cell}" rx="2"><title>${escapeHtml(`${d.label}: ${o.unit(d.value)}`)}</title></rect>`;
    })
    .join('');
  const rows = [0, 2, 4].map((r) => `<text class="tick" x="${left - 4}" y="${top + r * (cell + gap) + cell - 2}" text-anchor="end">${escapeHtml(o.weekdays[r] ?? '')}</text>`).join('');
  return frame(width, height, o.title, o.desc, rows + cells);
}
