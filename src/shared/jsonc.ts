// Reads a settings file as VS Code writes them: JSON with comments and trailing commas. Only to
// see which settings a workspace sets (source/settings.ts), so a small reader beats a library
// here (jsonc-parser added 10 KB to the browser's bundle). Pure.

/** The text with comments blanked (strings kept as written) and trailing commas dropped. */
export function stripJsonComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      // A string, to its closing quote (escapes skipped), copied as it is.
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
      out += ' ';
    } else out += c;
  }
  // A comma before a closing bracket or brace (whitespace between), outside strings.
  return out.replace(/("(?:[^"\\]|\\.)*")|,(\s*[\]}])/g, (m, str: string | undefined, close: string | undefined) => str ?? close ?? m);
}

/** The object a JSON-with-comments text holds, or undefined when it holds none (unreadable text included). */
export function parseJsonc(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(stripJsonComments(text));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
