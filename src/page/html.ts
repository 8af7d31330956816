// The page's HTML shell: strict CSP from default-src 'none', a fresh nonce per render, no inline
// script and no data in the markup (the page asks for it with 'ready').
import { randomBytes } from 'node:crypto';

export interface ShellOptions {
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  codiconUri: string;
  nonce?: string;
}

export function newNonce(): string {
  return randomBytes(18).toString('base64');
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function pageHtml(o: ShellOptions): string {
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
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(o.codiconUri)}">
<link rel="stylesheet" href="${attr(o.styleUri)}">
<title>Question</title>
</head>
<body>
<main id="page" aria-busy="true">
  <header class="bar">
    <nav id="path" class="path" aria-label="Section"></nav>
    <span id="position" class="position"></span>
  </header>
  <h1 id="question" class="question"></h1>
  <div id="details" class="details"></div>
  <div class="actions" role="toolbar" aria-label="Question">
    <label class="done"><input type="checkbox" id="done"> <span>Done</span></label>
    <span class="spacer"></span>
    <button id="previous" class="secondary" type="button" title="Previous question"><i class="codicon codicon-arrow-left" aria-hidden="true"></i> Previous</button>
    <button id="next" class="secondary" type="button" title="Next question">Next <i class="codicon codicon-arrow-right" aria-hidden="true"></i></button>
  </div>
  <section class="notes">
    <div class="notes-head">
      <label for="notes"><i class="codicon codicon-edit" aria-hidden="true"></i> Answer notes <span class="hint">Markdown</span></label>
      <span id="status" class="status" role="status" aria-live="polite"></span>
    </div>
    <textarea id="notes" spellcheck="true" placeholder="Write your answer here. It is saved as you type."></textarea>
  </section>
</main>
<script nonce="${nonce}" src="${attr(o.scriptUri)}"></script>
</body>
</html>`;
}
