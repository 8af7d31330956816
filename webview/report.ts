// The report pages' script (summaries, statistics), bundled into media/report.js. The content
// is in the markup; this says the page loaded, and turns a click on a question into a message
// for the extension.
import type { ReportMessage } from '../src/shared/protocol';

const vscode = acquireVsCodeApi();

document.addEventListener('click', (e) => {
  const target = e.target as Element | null;
  if (target?.closest?.('[data-undo-rating]')) {
    e.preventDefault();
    vscode.postMessage({ type: 'undoRating' } satisfies ReportMessage);
    return;
  }
  const link = target?.closest?.('[data-question]');
  if (!link) return;
  e.preventDefault();
  const message: ReportMessage = { type: 'openQuestion', id: link.getAttribute('data-question') ?? '' };
  vscode.postMessage(message);
});

// The page loaded (a page that never says so is given its HTML again, then a new panel).
vscode.postMessage({ type: 'ready' } satisfies ReportMessage);
