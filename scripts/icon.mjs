// `npm run icon`: draws media/icon.png, the 128×128 icon the Marketplace and Open VSX show, from the
// activity bar's media/icon.svg: the same mortarboard, white on Django's green. Run it after changing
// icon.svg and commit the PNG (packaging needs no browser). Uses the Chromium the UI tests use.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, chromiumPath } from './code-server.mjs';

const SIZE = 128;
const GREEN = '#0c4b33'; // also package.json's galleryBanner.color
const glyph = readFileSync(join(ROOT, 'media/icon.svg'), 'utf8')
  .replace(/<svg[^>]*>/, '')
  .replace('</svg>', '');
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 16 16">
  <rect width="16" height="16" rx="3" fill="${GREEN}"/>
  <g fill="#ffffff" transform="translate(8 8) scale(0.8) translate(-8 -8.2)">${glyph}</g>
</svg>`;

const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  const png = await page.locator('svg').screenshot({ omitBackground: true });
  writeFileSync(join(ROOT, 'media/icon.png'), png);
  console.log(`media/icon.png: ${SIZE}×${SIZE}, ${png.length} bytes`);
} finally {
  await browser.close();
}
