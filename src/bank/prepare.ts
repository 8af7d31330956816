// Before Markdown is parsed: what is not the bank's Markdown is blanked out, line for line, so
// every line number the parser reports still points at the author's file. YAML front matter
// (its `title:` becomes the bank's title) and MDX `import`/`export` lines go. Pure: no 'vscode'.

export interface Prepared {
  /** The source with front matter and MDX lines replaced by empty lines (same line count). */
  text: string;
  /** The front matter's `title:`, when it has one. */
  title?: string;
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const MDX_LINE = /^(?:import\s+(?:[\w*{}\s,]+\s+from\s+)?['"][^'"\n]+['"];?|export\s+(?:const|let|default|function)\b.*)\s*$/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

export function prepareSource(source: string): Prepared {
  let text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  let title: string | undefined;
  const front = FRONT_MATTER.exec(text);
  // Only YAML (key: value lines) is front matter; a document may open with a plain rule.
  if (front && /^\s*[\w-]+\s*:/m.test(front[1])) {
    const t = /^title\s*:\s*(.+?)\s*$/m.exec(front[1]);
    if (t) title = unquote(t[1]) || undefined;
    text = blank(front[0]) + text.slice(front[0].length);
  }
  if (/^(?:import|export)\s/m.test(text)) text = blankMdxLines(text);
  return { text, title };
}

function unquote(s: string): string {
  const m = /^(['"])(.*)\1$/.exec(s);
  return (m ? m[2] : s).trim();
}

/** The same number of line breaks, nothing else. */
function blank(s: string): string {
  return s.replace(/[^\n]/g, '');
}

/** MDX `import`/`export` lines outside fenced code become empty lines. */
function blankMdxLines(text: string): string {
  const lines = text.split('\n');
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const f = FENCE.exec(lines[i]);
    if (f) {
      if (!fence) fence = f[1][0].repeat(f[1].length);
      else if (f[1].startsWith(fence)) fence = undefined;
      continue;
    }
    if (!fence && MDX_LINE.test(lines[i].replace(/\r$/, ''))) lines[i] = '';
  }
  return lines.join('\n');
}
