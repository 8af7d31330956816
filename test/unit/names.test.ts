// One table of names (src/shared/ids.ts): every name package.json gives a part of the extension
// is in it (or is a setting), every name in it is used there, and no file of src/ spells one itself.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHAT_PARTICIPANT, COMMANDS, CONTEXT_KEYS, STATUS_ITEMS, VIEW_ID, VIEW_TYPES } from '../../src/shared/ids';

const ROOT = join(__dirname, '../../..');
const manifestText = readFileSync(join(ROOT, 'package.json'), 'utf8');
const manifest = JSON.parse(manifestText) as {
  activationEvents: string[];
  contributes: { configuration: { properties: Record<string, unknown> }; walkthroughs: { id: string }[] };
};

describe('the table of names', () => {
  it('holds every djangoPrep name package.json uses, besides settings and the walkthrough', () => {
    const known = new Set<string>([
      ...Object.values(COMMANDS),
      VIEW_ID,
      CHAT_PARTICIPANT,
      ...Object.values(VIEW_TYPES),
      ...Object.values(CONTEXT_KEYS),
      ...Object.keys(manifest.contributes.configuration.properties),
      ...manifest.contributes.walkthroughs.map((w) => w.id),
    ]);
    const unknown = [...new Set(manifestText.match(/djangoPrep(?:\.[A-Za-z]+)+/g))].filter((name) => !known.has(name));
    assert.deepEqual(unknown, []);
  });

  it('has each context key and revivable webview type used in package.json', () => {
    for (const key of Object.values(CONTEXT_KEYS)) assert.ok(manifestText.includes(key), `${key} is in package.json`);
    for (const type of [VIEW_TYPES.question, VIEW_TYPES.mock])
      assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${type}`), `onWebviewPanel:${type}`);
  });

  it('is the only place in src/ that spells a view, webview, context key, status item or command name', () => {
    const names = [VIEW_ID, CHAT_PARTICIPANT, ...Object.values(VIEW_TYPES), ...Object.values(CONTEXT_KEYS), ...Object.values(STATUS_ITEMS)];
    names.push(...Object.values(COMMANDS));
    const found: string[] = [];
    for (const f of readdirSync(join(ROOT, 'src'), { recursive: true }).map(String)) {
      if (!f.endsWith('.ts') || f === join('shared', 'ids.ts')) continue;
      const text = readFileSync(join(ROOT, 'src', f), 'utf8');
      for (const name of names) if (text.includes(`'${name}'`) || text.includes(`"${name}"`)) found.push(`${f}: ${name}`);
    }
    assert.deepEqual(found, []);
  });
});
