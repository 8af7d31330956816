// Lets plain-Node code load modules that import 'vscode': the fake API (vscode.cjs, shared with
// the bench) stands in for it. Import this before the module under test.
import Module from 'node:module';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fake = require('./vscode.cjs') as unknown;
const mod = Module as unknown as { _load(request: string, ...rest: unknown[]): unknown };
const load = mod._load;
mod._load = function (this: unknown, request: string, ...rest: unknown[]) {
  return request === 'vscode' ? fake : load.call(this, request, ...rest);
};
