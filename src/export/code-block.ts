// Code sent from the editor into a note: a `path:line` reference and a fenced block in the code's
// language, the fence longer than any run of backticks inside it. Pure: no 'vscode'.

export function codeBlock(o: { code: string; languageId: string; path: string; line: number }): string {
  const longest = Math.max(0, ...(o.code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const ref = `${o.path}:${o.line}`;
  const tick = ref.includes('`') ? '``' : '`';
  const lang = /^[\w+#.-]{1,40}$/.test(o.languageId) && o.languageId !== 'plaintext' ? o.languageId : '';
  return `${tick}${ref}${tick}\n\n${fence}${lang}\n${o.code.replace(/\r\n?/g, '\n').replace(/\n+$/, '')}\n${fence}`;
}

/** A `path:line` reference as written by codeBlock (a relative path, no `..`), or undefined. */
export function parseCodeRef(text: string): { path: string; line: number } | undefined {
  const m = /^([^\s:`]+(?:[^\s`]*[^\s:`])?):(\d{1,7})$/.exec(text.trim());
  if (!m) return undefined;
  const path = m[1].replace(/\\/g, '/');
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.split('/').includes('..')) return undefined;
  return { path, line: Number(m[2]) };
}
