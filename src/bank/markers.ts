// Author's markers inside a question: an id pin (`<!-- id: orm-basics -->`) and `**done**`.
// Both are taken out of the text, wherever in the item they sit. Pure: no 'vscode'.
import type * as md from 'mdast';
import { collapse, MAX_DEPTH, plainMd } from './markdown';

const PIN = /^<!--\s*id\s*:\s*([\s\S]*?)\s*-->$/i;
export const VALID_PIN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/** Removes id pins and `**done**` markers from a subtree, reporting each. */
export function stripMarkers(nodes: md.RootContent[], pins: string[], markDone: () => void, depth: number): md.RootContent[] {
  const out: md.RootContent[] = [];
  for (const node of nodes) {
    if (node.type === 'html') {
      const pin = PIN.exec(node.value.trim());
      if (pin) {
        pins.push(pin[1]);
        continue;
      }
    }
    if (node.type === 'strong' && collapse(plainMd(node)).toLowerCase() === 'done') {
      markDone();
      continue;
    }
    if ('children' in node && depth < MAX_DEPTH) {
      out.push({ ...node, children: stripMarkers(node.children as md.RootContent[], pins, markDone, depth + 1) } as md.RootContent);
    } else out.push(node);
  }
  return out;
}
