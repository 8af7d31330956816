// The build rewrites two places of remark's parser for speed (scripts/markdown-speed.mjs) and
// runs GFM's bare-link transform only where a link may be (src/bank/read-markdown.ts). Both must
// give the tree the packages themselves give: this compares the two on every bank fixture and on
// a document written to exercise what the rewrites touch.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as md from 'mdast';
import { readMarkdown, type MarkdownParse } from '../../../src/bank/read-markdown';

/** `import()` of a package from node_modules at run time, outside this bundle and so outside the build's rewrites. */
const importPackage = new Function('name', 'return import(name)') as (name: string) => Promise<Record<string, unknown>>;

/** remark-parse's reading with GFM, as read-markdown.ts configures it, from the packages as published. */
async function publishedParse(): Promise<MarkdownParse> {
  const [from, autolink, strike, table, tasks, autolinkMd, strikeMd, tableMd, tasksMd] = await Promise.all(
    [
      'mdast-util-from-markdown',
      'micromark-extension-gfm-autolink-literal',
      'micromark-extension-gfm-strikethrough',
      'micromark-extension-gfm-table',
      'micromark-extension-gfm-task-list-item',
      'mdast-util-gfm-autolink-literal',
      'mdast-util-gfm-strikethrough',
      'mdast-util-gfm-table',
      'mdast-util-gfm-task-list-item',
    ].map(importPackage),
  );
  const call = (module: Record<string, unknown>, name: string) => (module[name] as () => unknown)();
  const fromMarkdown = from.fromMarkdown as (text: string, options: unknown) => md.Root;
  const options = {
    extensions: [
      call(autolink, 'gfmAutolinkLiteral'),
      call(strike, 'gfmStrikethrough'),
      call(table, 'gfmTable'),
      call(tasks, 'gfmTaskListItem'),
    ],
    mdastExtensions: [
      call(autolinkMd, 'gfmAutolinkLiteralFromMarkdown'),
      call(strikeMd, 'gfmStrikethroughFromMarkdown'),
      call(tableMd, 'gfmTableFromMarkdown'),
      call(tasksMd, 'gfmTaskListItemFromMarkdown'),
    ],
  };
  return (text) => fromMarkdown(text, options);
}

const ROOT = join(__dirname, '../../../..');

function markdownFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(dir, f));
}

/** Containers closing in every way (the first rewrite), and bare links in and out of links, cells and headings (the transform). */
const NESTING = `# Links www.example.com and a@b.co

1. ### A question with https://example.com/a?b=c in it
   An answer, lazy
continued, with mail@example.org.
   > quoted www.example.org
   > - item [https://inside.example](https://x.example) and <https://angle.example>
   >   1. deep
   >      \`\`\`py
   >      print("https://not.a.link")
   >      \`\`\`

   - spread item

   - another, xmpp:me@example.com/res and mailto:me@example.com
2. Next
- different list www.example.com.
> quote
lazy @not-an-address

| a | b |
| - | - |
| https://cell.example | x@y.zz |

Only the transform links this: a.www.only.example, and not [b.www.inside.example](https://l.example).

Text with ~~struck https://strike.example~~ and *em www.em.example* and **strong a@b.cd**.

- [ ] task https://task.example
- [x] done

  Indented after blank
    code https://code.example
`;

describe('reading Markdown fast gives the same tree as the packages themselves', function () {
  this.timeout(120_000);
  let published: MarkdownParse;
  before(async () => {
    published = await publishedParse();
  });

  it('on a document of nested containers and bare links', () => {
    assert.deepStrictEqual(readMarkdown(NESTING), readMarkdown(NESTING, published));
    const links = JSON.stringify(readMarkdown(NESTING)).match(/"type":"link"/g) ?? [];
    assert.ok(links.length >= 10, `expected the bare links to be read as links, found ${links.length}`);
  });

  it('on every bank fixture and bundled bank', () => {
    const files = [...markdownFiles('test/fixtures'), ...markdownFiles('questions')];
    assert.ok(files.length >= 15, `expected the fixtures, found ${files.length}`);
    for (const file of files) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      assert.deepStrictEqual(readMarkdown(text), readMarkdown(text, published), file);
    }
  });
});
