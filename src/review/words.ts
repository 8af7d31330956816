// Times in words for the pages: "in 3 days", "10 min". Intl does the words, in the display
// language. Pure: no 'vscode'.
import { dueAfter, type StoredCard } from './fsrs';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Unit = 'minute' | 'hour' | 'day' | 'month' | 'year';

function unitOf(ms: number): [number, Unit] {
  const a = Math.abs(ms);
  if (a < HOUR) return [Math.max(1, Math.round(ms / MINUTE)), 'minute'];
  if (a < DAY) return [Math.round(ms / HOUR), 'hour'];
  if (a < 31 * DAY) return [Math.round(ms / DAY), 'day'];
  if (a < 365 * DAY) return [Math.round((ms / (30.4 * DAY)) * 10) / 10, 'month'];
  return [Math.round((ms / (365 * DAY)) * 10) / 10, 'year'];
}

const safeLang = (lang: string) => {
  try {
    return Intl.NumberFormat.supportedLocalesOf([lang]).length ? lang : 'en';
  } catch {
    return 'en';
  }
};

/** A span of time, short: "10 min", "3 days", "1.5 mths". */
export function intervalText(ms: number, lang = 'en'): string {
  const [n, unit] = unitOf(Math.max(0, ms));
  return new Intl.NumberFormat(safeLang(lang), { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(n);
}

/** When something falls due, from now: "in 3 days", "tomorrow", "now", "2 days ago". */
export function dueText(due: number, now: number, lang = 'en'): string {
  const ms = due - now;
  const format = new Intl.RelativeTimeFormat(safeLang(lang), { numeric: 'auto' });
  if (Math.abs(ms) < MINUTE) return format.format(0, 'second');
  const [n, unit] = unitOf(ms);
  return format.format(n, unit);
}

/** What each rating (Again, Hard, Good, Easy) would schedule now, in words: the rating buttons' hints. */
export function ratingIntervals(card: StoredCard | undefined, now: number, lang = 'en'): [string, string, string, string] {
  const due = dueAfter(card, now);
  return [
    intervalText(due[1] - now, lang),
    intervalText(due[2] - now, lang),
    intervalText(due[3] - now, lang),
    intervalText(due[4] - now, lang),
  ];
}
