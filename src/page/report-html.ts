// The HTML of the report pages (a review's summary, a mock interview's summary, the statistics):
// the same strict CSP as the question page, a fresh nonce, no inline script, and every word from
// a bank or a learner escaped here. The content is in the markup: the script only turns clicks on
// a question into a message. Pure: no 'vscode'.
import { escapeHtml } from './render';
import { attr, newNonce } from './html';

export interface ReportShell {
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  codiconUri: string;
  lang: string;
  title: string;
  /** The page's body, already escaped. */
  body: string;
  nonce?: string;
}

export function reportHtml(o: ReportShell): string {
  const nonce = o.nonce ?? newNonce();
  const csp = [
    "default-src 'none'",
    `style-src ${o.cspSource}`,
    `font-src ${o.cspSource}`,
    `img-src ${o.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "form-action 'none'",
    "base-uri 'none'",
    "frame-src 'none'",
  ].join('; ');
  const a = escapeHtml;
  return `<!DOCTYPE html>
<html lang="${a(o.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${a(o.codiconUri)}">
<link rel="stylesheet" href="${a(o.styleUri)}">
<title>${a(o.title)}</title>
</head>
<body>
<main id="report">
${o.body}
</main>
<script nonce="${nonce}" src="${a(o.scriptUri)}"></script>
</body>
</html>`;
}

/** A link that opens a question (the page posts its id; the extension checks it). */
export function questionLink(id: string, text: string): string {
  return `<a href="#" data-question="${escapeHtml(id)}">${escapeHtml(text)}</a>`;
}
