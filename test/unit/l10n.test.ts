// Every user-facing string goes through l10n: the manifest's through package.nls.json, the code's
// through vscode.l10n.t / @vscode/l10n's t with a literal that l10n/bundle.l10n.json holds (npm run l10n).
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, readRepoFile } from './helpers';

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

describe('localisation', () => {
  it('takes every title and description of package.json from package.nls.json', () => {
    const pkg = readRepoFile('package.json');
    const nls = JSON.parse(readRepoFile('package.nls.json')) as Record<string, string>;
    const keys = [...pkg.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 15);
    for (const k of keys) assert.ok(k in nls, `package.nls.json has ${k}`);
    const manifest = JSON.parse(pkg) as { contributes: { commands: { title: string }[]; views: Record<string, { name: string }[]> } };
    for (const c of manifest.contributes.commands) assert.match(c.title, /^%.+%$/, `command title ${c.title}`);
  });

  it('has every string the code localises in l10n/bundle.l10n.json', () => {
    const bundle = JSON.parse(readRepoFile('l10n/bundle.l10n.json')) as Record<string, string>;
    let seen = 0;
    for (const file of sources('src')) {
      const text = readRepoFile(file);
      for (const m of text.matchAll(/\bl10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) {
        const literal = m[1].replace(/\\'/g, "'").replace(/\\u([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
        assert.ok(literal in bundle, `${file}: "${literal}" is in the bundle (run npm run l10n)`);
        seen++;
      }
    }
    assert.ok(seen > 50, `found ${seen} localised strings`);
  });

  it('calls l10n.t by that name everywhere: an alias hides its strings from npm run l10n and from the check above', () => {
    for (const file of [...sources('src'), ...sources('webview')]) {
      const text = readRepoFile(file);
      // `const t = vscode.l10n.t`, `(s) => l10n.t(s)`, `l10n.t(variable)`: anything but a literal.
      const aliased = [
        ...text.matchAll(/(?:=|\(|,)\s*(?:vscode\.)?l10n\.t\s*(?:[,;)]|$)/gm),
        ...text.matchAll(/\bl10n\.t\(\s*(?!['`\s])/g),
      ];
      assert.deepEqual(
        aliased.map((m) => m[0].trim()),
        [],
        `${file} calls l10n.t through an alias or with a variable`,
      );
    }
  });
});
