// The package a learner installs: `vsce package` as `npm run package` runs it, with no warning, and
// the .vsix it writes holds the store icon (a 128×128 PNG) and every image the README links, so the
// README shows them in the Extensions view even offline (relative links are kept, not rewritten).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const ROOT = join(__dirname, '../../..');

/** The files of a zip archive by name, read from its central directory (no library needed for that). */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'not a zip archive');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(data, data + size);
    files.set(name, method === 8 ? inflateRawSync(raw) : raw);
    at += 46 + skip;
  }
  return files;
}

describe('the package', function () {
  this.timeout(120_000);
  let files: Map<string, Buffer>;
  let output: string;

  before(() => {
    const out = mkdtempSync(join(tmpdir(), 'django-prep-package-'));
    try {
      const vsix = join(out, 'test.vsix');
      // The same flags as `npm run package`; vsce runs vscode:prepublish, the production build.
      output = execFileSync(
        process.execPath,
        [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', vsix],
        { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
      files = unzip(readFileSync(vsix));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('is packaged without a warning', () => {
    assert.doesNotMatch(output, /WARNING/i);
  });

  it('holds its icon, a 128×128 PNG, as package.json names it', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { icon: string; galleryBanner?: unknown };
    assert.equal(manifest.icon, 'media/icon.png');
    assert.ok(manifest.galleryBanner, 'a gallery banner');
    const png = files.get(`extension/${manifest.icon}`);
    assert.ok(png, 'the icon is in the .vsix');
    assert.equal(png.toString('latin1', 1, 4), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });

  it('holds every image the README links, and the README links them where they are', () => {
    const readme = (files.get('extension/readme.md') ?? files.get('extension/README.md'))?.toString('utf8'); // vsce names it readme.md
    assert.ok(readme, 'the README is in the .vsix');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)].map((m) => m[1]);
    assert.ok(images.length >= 3, `the README shows screenshots (${images.length})`);
    for (const image of images) {
      assert.doesNotMatch(image, /^[a-z]+:/i, `${image} is a link into the package`);
      assert.ok(files.has(`extension/${image}`), `${image} is in the .vsix`);
    }
  });

  it('holds nothing that does not run or show: no sources, maps, tests or dependencies', () => {
    const stray = [...files.keys()].filter((f) => /^extension\/(src|webview|test|out|node_modules|scripts)\/|\.map$|\.ts$/.test(f));
    assert.deepEqual(stray, []);
  });
});
