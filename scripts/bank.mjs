// Runs the bank checker (src/bank/cli.ts) without a separate build step: bundled in memory, as
// every script's TypeScript is (build.mjs loadTs).
import { loadTs } from './build.mjs';
import { ROOT } from './code-server.mjs';

const { main } = await loadTs('src/bank/cli.ts');
process.exitCode = main(process.argv.slice(2), ROOT);
