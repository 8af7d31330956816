// Syntax highlighting of the code blocks in a question's details and answer: highlight.js with
// the languages interview banks use, bundled into the page (nothing loaded from the network).
// highlight.js escapes the code it returns and marks tokens with classes only, so the CSP needs
// no inline styles; page.css maps the classes to the theme's colours.
import hljs from 'highlight.js/lib/core';
import python from 'highlight.js/lib/languages/python';
import javascript from 'highlight.js/lib/languages/javascript';
import typescript from 'highlight.js/lib/languages/typescript';
import bash from 'highlight.js/lib/languages/bash';
import shell from 'highlight.js/lib/languages/shell';
import json from 'highlight.js/lib/languages/json';
import sql from 'highlight.js/lib/languages/sql';
import xml from 'highlight.js/lib/languages/xml';
import css from 'highlight.js/lib/languages/css';
import yaml from 'highlight.js/lib/languages/yaml';
import django from 'highlight.js/lib/languages/django';
import ini from 'highlight.js/lib/languages/ini';
import dockerfile from 'highlight.js/lib/languages/dockerfile';

for (const [name, language] of Object.entries({
  python,
  javascript,
  typescript,
  bash,
  shell,
  json,
  sql,
  xml,
  css,
  yaml,
  django,
  ini,
  dockerfile,
})) {
  hljs.registerLanguage(name, language);
}
hljs.registerAliases(['jsx', 'mjs', 'cjs'], { languageName: 'javascript' });
hljs.registerAliases(['tsx'], { languageName: 'typescript' });
hljs.registerAliases(['jinja', 'jinja2', 'djangotemplate'], { languageName: 'django' });
hljs.registerAliases(['pycon', 'python3', 'py3'], { languageName: 'python' });

/** Highlights every `code[data-lang]` under root whose language is known; others stay plain text. */
export function highlightCode(root: ParentNode): void {
  for (const code of root.querySelectorAll<HTMLElement>('pre > code[data-lang]')) {
    const lang = code.dataset.lang ?? '';
    if (!hljs.getLanguage(lang)) continue;
    const { value } = hljs.highlight(code.textContent ?? '', { language: lang, ignoreIllegals: true });
    code.innerHTML = value; // escaped by highlight.js; classes only
    code.classList.add('hljs');
  }
}
