// `npm run test:desktop` (@vscode/test-cli): the extension-host suite in desktop VS Code, which
// it downloads, so it needs internet. The project's CI machines have none: there `npm test` runs
// the same suite inside code-server (scripts/vscode-harness.mjs). Build first: npm run build:tests.
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
  label: 'extension host',
  files: 'out/test/integration/**/*.test.js',
  workspaceFolder: './test/fixtures/workspace',
  // Trust off here only: a desktop run has no one to trust the folder, which `npm test` does as a
  // learner would (Manage Workspace Trust, then "Trust"), with a Restricted Mode run of its own.
  launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  mocha: { ui: 'bdd', timeout: 30000, forbidPending: true, forbidOnly: true },
});
