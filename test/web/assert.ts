// node:assert/strict for the extension-host tests when they run in the browser's extension host,
// which has no Node modules: the functions they use, with Node's strict meaning.

class AssertionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssertionError';
  }
}

const show = (v: unknown) => {
  try {
    return JSON.stringify(v)?.slice(0, 500) ?? String(v);
  } catch {
    return String(v);
  }
};

function deepEqualValues(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Map && b instanceof Map) return a.size === b.size && [...a].every(([k, v]) => b.has(k) && deepEqualValues(v, b.get(k)));
  if (a instanceof Set && b instanceof Set) return a.size === b.size && [...a].every((v) => b.has(v));
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every(
      (k) =>
        Object.prototype.hasOwnProperty.call(b, k) && deepEqualValues((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  );
}

function fail(message?: string | Error): never {
  throw message instanceof Error ? message : new AssertionError(message ?? 'Failed');
}

function ok(value: unknown, message?: string): asserts value {
  if (!value) fail(message ?? `The expression evaluated to a falsy value: ${show(value)}`);
}

const assert = Object.assign(ok, {
  ok,
  fail,
  equal(actual: unknown, expected: unknown, message?: string) {
    if (!Object.is(actual, expected))
      fail(
        message
          ? `${message}: ${show(actual)} !== ${show(expected)}`
          : `Expected values to be strictly equal: ${show(actual)} !== ${show(expected)}`,
      );
  },
  notEqual(actual: unknown, expected: unknown, message?: string) {
    if (Object.is(actual, expected)) fail(message ?? `Expected "actual" to be strictly unequal to: ${show(expected)}`);
  },
  deepEqual(actual: unknown, expected: unknown, message?: string) {
    if (!deepEqualValues(actual, expected))
      fail(
        message
          ? `${message}: ${show(actual)} vs ${show(expected)}`
          : `Expected values to be strictly deep-equal: ${show(actual)} vs ${show(expected)}`,
      );
  },
  match(text: string, pattern: RegExp, message?: string) {
    if (!pattern.test(text)) fail(message ?? `The input did not match the regular expression ${pattern}: ${show(text)}`);
  },
  doesNotMatch(text: string, pattern: RegExp, message?: string) {
    if (pattern.test(text)) fail(message ?? `The input was expected to not match the regular expression ${pattern}: ${show(text)}`);
  },
  /** Awaits a promise (or a function's) and fails unless it rejects, with a message matching `pattern` when given. */
  async rejects(promise: Promise<unknown> | (() => Promise<unknown>), pattern?: RegExp, message?: string) {
    let error: unknown;
    try {
      await (typeof promise === 'function' ? promise() : promise);
    } catch (err) {
      error = err;
    }
    if (error === undefined) fail(message ?? 'Missing expected rejection.');
    const text = error instanceof Error ? error.message : String(error);
    if (pattern && !pattern.test(text)) fail(message ?? `The rejection did not match ${pattern}: ${show(text)}`);
  },
});

export default assert;
