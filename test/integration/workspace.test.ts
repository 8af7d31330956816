// Where the extension runs, as package.json declares it: any folder, trusted or not (Restricted
// Mode has a run of its own: trust.restricted.ts), and virtual workspaces. In VS Code for the Web
// this suite runs in a virtual workspace (@vscode/test-web mounts the folder as
// vscode-test-web://mount/): every test of the suite there, the bank file and notes as files
// included, works through workspace.fs.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, EXTENSION_ID } from './helpers';

describe('the workspaces it runs in', () => {
  it('declares Restricted Mode and virtual workspaces as supported, with the two path settings restricted', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      capabilities: {
        untrustedWorkspaces: { supported: string; restrictedConfigurations: string[]; description: string };
        virtualWorkspaces: { supported: string; description: string };
      };
    };
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['djangoPrep.bankFile', 'djangoPrep.notesFolder']);
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, 'limited');
    assert.ok(pkg.capabilities.untrustedWorkspaces.description && pkg.capabilities.virtualWorkspaces.description);
  });

  it('runs in a trusted folder with nothing ignored, and in the browser on a virtual one', async () => {
    const a = await api();
    assert.equal(vscode.workspace.isTrusted, true);
    await a.trust.ready;
    assert.deepEqual(a.trust.ignored, []);
    const scheme = vscode.workspace.workspaceFolders![0].uri.scheme;
    assert.equal(scheme, a.platform.kind === 'web' ? 'vscode-test-web' : 'file');
  });
});
