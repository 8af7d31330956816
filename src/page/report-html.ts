// The HTML of the report pages (a review's summary, a mock interview's summary, the statistics):
// the same strict CSP as the question page, a fresh nonce, no inline script, and every word from
// a bank or a learner escaped here. The content is in the markup: the script only turns clicks on
// a question into a message. Pure: no 'vscode'.
import { escapeHtml } from './render';
import { webviewDocument } from './html';

export interface ReportShell {
  cspSource: string;
  scriptUri: string;
  /** The question page's styles (the base), then the report's own. */
  styleUris: string[];
  codiconUri: string;
  lang: string;
  title: string;
  /** The page's body, already escaped. */
  body: string;
  nonce?: string;
}

export function reportHtml(o: ReportShell): string {
  const { cspSource, nonce, lang, title, scriptUri } = o;
  return webviewDocument({
    cspSource,
    nonce,
    lang,
    title,
    scriptUri,
    styles: [o.codiconUri, ...o.styleUris],
    body: `<main id="report">\n${o.body}\n</main>`,
  });
}

/** A link that opens a question (the page posts its id; the extension checks it). */
export function questionLink(id: string, text: string): string {
  return `<a href="#" data-question="${escapeHtml(id)}">${escapeHtml(text)}</a>`;
}
