// Random ids and nonces from the Web Crypto API, which both extension hosts have (Node 18+ and
// the browser's web worker), so the same code serves both. Pure: no 'vscode'.

function randomBytes(n: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

/** `n` random bytes as hex (2n characters). */
export function randomHex(n: number): string {
  return [...randomBytes(n)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** `n` random bytes as base64, for a page's CSP nonce. */
export function randomBase64(n: number): string {
  return btoa(String.fromCharCode(...randomBytes(n)));
}
