// Runs the bank checker (src/bank/cli.ts) without a separate build step: esbuild bundles it in memory.
import { build } from 'esbuild';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const result = await build({
  entryPoints: [resolve(root, 'src/bank/cli.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  write: false,
  logLevel: 'error',
});
const dir = mkdtempSync(resolve(tmpdir(), 'bank-cli-'));
const file = resolve(dir, 'cli.cjs');
writeFileSync(file, result.outputFiles[0].text);
let code;
try {
  code = createRequire(import.meta.url)(file).main(process.argv.slice(2), root);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = code;
