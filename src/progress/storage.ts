// The one door to the key-value store under progress and notes: writes start at once and are
// awaited together, and a stored value of the wrong shape is set aside with one warning, never
// deleted. Pure: no 'vscode'.
import { Emitter, type Event } from '../util/emitter';
import { keys } from '../shared/keys';

/** The part of vscode.Memento this module needs; tests pass an in-memory fake. */
export interface KeyValueStore {
  get(key: string): unknown;
  /** `journalValue`, when given, is what the journal records instead of the value (a partial record that merges). */
  update(key: string, value: unknown, journalValue?: unknown): PromiseLike<void>;
  keys(): readonly string[];
}

/**
 * Version of the stored shapes of notes, conflict copies and the rest; progress has its own
 * (progress-record.ts). Bump one and add a step to its migration table when a shape changes.
 * Fields added as optional (a note's version stamp) need no bump: older readers ignore them.
 */
export const SCHEMA = 1;

export interface StoreWarning {
  key: string;
  message: string;
}

export const asideKey = (key: string, now: number) => keys.aside(now, key);

/** A write that has not settled after this long is taken as failed: it is retried like one that failed. */
export const WRITE_TIMEOUT_MS = 10_000;
/** The waits between tries of a write that failed; the last one repeats until it lands. */
export const RETRY_MS = [500, 1000, 2000, 5000];

/** A write that has not landed: what was written, and why it failed last. */
export interface WriteFailure {
  key: string;
  /** What went wrong, in the words of the store or the file system. */
  reason: string;
}

interface Failing {
  /** The newest value asked for, retried until it lands. */
  value: unknown;
  journalValue?: unknown;
  /** The write that asked for it: an older write landing late does not clear it. */
  seq: number;
  reason: string;
  tries: number;
  timer?: ReturnType<typeof setTimeout>;
}

function withTimeout(p: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the storage did not answer within ${ms / 1000} s`)), ms);
    (timer as { unref?: () => void }).unref?.();
    p.then(
      () => (clearTimeout(timer), resolve()),
      (err: unknown) => (clearTimeout(timer), reject(err instanceof Error ? err : new Error(String(err)))),
    );
  });
}

export class Storage {
  /** Problems found in stored data so far; each is also announced once through onWarning. */
  readonly warnings: StoreWarning[] = [];
  private readonly _onWarning = new Emitter<StoreWarning>();
  readonly onWarning: Event<StoreWarning> = this._onWarning.event;
  private readonly _onDidChangeFailures = new Emitter<readonly WriteFailure[]>();
  /** The writes that have not landed changed: some failed, or landed at last (the list is empty then). */
  readonly onDidChangeFailures: Event<readonly WriteFailure[]> = this._onDidChangeFailures.event;
  private readonly setAsideKeys = new Set<string>();
  /** Every write started so far, settled or not. */
  private writes: Promise<void> = Promise.resolve();
  private readonly failing = new Map<string, Failing>();
  private seq = 0;
  private disposed = false;

  constructor(
    private readonly kv: KeyValueStore,
    readonly now: () => number = Date.now,
    /** How long a write may take before it is taken as failed (tests make it short). */
    private readonly timeoutMs = WRITE_TIMEOUT_MS,
  ) {}

  get(key: string): unknown {
    return this.kv.get(key);
  }

  keys(): readonly string[] {
    return this.kv.keys();
  }

  /**
   * Starts a write at once. Storage keeps the order of calls (VS Code's Memento applies each
   * update to its value when called), and the journal records the write now. Chaining each
   * write behind the previous one's round trip let a fast typist's note fall half a second
   * behind, and a reload then lost the tail (seen in the UI tests).
   *
   * The promise resolves once this write has landed (in the store and, through it, the journal)
   * and rejects when it failed or did not settle within WRITE_TIMEOUT_MS: never is a failure
   * turned into success. A failed write is not dropped: it is retried (the newest value for its
   * key) until it lands, and onDidChangeFailures says what has not landed and why. Callers that
   * do not wait may ignore the promise: its failure is reported there.
   */
  write(key: string, value: unknown, journalValue?: unknown, seq = ++this.seq): Promise<void> {
    if (value !== undefined) this.setAsideKeys.delete(key);
    const failing = this.failing.get(key);
    if (failing && seq >= failing.seq) Object.assign(failing, { value, journalValue, seq });
    let update: Promise<void>;
    try {
      update = Promise.resolve(journalValue === undefined ? this.kv.update(key, value) : this.kv.update(key, value, journalValue));
    } catch (err) {
      update = Promise.reject(err);
    }
    const landed = withTimeout(update, this.timeoutMs).then(
      () => this.landedNow(key, seq),
      (err: Error) => {
        this.failed(key, value, journalValue, seq, err);
        throw err;
      },
    );
    this.writes = Promise.all([this.writes, landed.catch(() => undefined)]).then(() => undefined);
    landed.catch(() => undefined);
    return landed;
  }

  /**
   * Resolves when every write asked for so far has settled and none is still failing; rejects
   * with the reason of one that has not landed.
   */
  async flush(): Promise<void> {
    await this.writes;
    const [first] = this.failing.values();
    if (first) throw new Error(first.reason);
  }

  /** Resolves when a key's writes so far have landed; rejects with the reason while one has not. */
  async landed(key: string): Promise<void> {
    await this.writes;
    const failing = this.failing.get(key);
    if (failing) throw new Error(failing.reason);
  }

  /** The writes that have not landed yet, and why. */
  failures(): WriteFailure[] {
    return [...this.failing].map(([key, f]) => ({ key, reason: f.reason }));
  }

  /** True once a key's value was set aside, until a value is written to it again. */
  wasSetAside(key: string): boolean {
    return this.setAsideKeys.has(key);
  }

  /** Keeps a bad value under aside/<time>/<key> and says so once. */
  setAside(key: string, raw: unknown, message: string): void {
    this.setAsideKeys.add(key);
    const warning = { key, message };
    this.warnings.push(warning);
    this._onWarning.fire(warning);
    void this.write(asideKey(key, this.now()), raw);
  }

  dispose(): void {
    this.disposed = true;
    for (const f of this.failing.values()) if (f.timer) clearTimeout(f.timer);
    this._onWarning.dispose();
    this._onDidChangeFailures.dispose();
  }

  private landedNow(key: string, seq: number): void {
    const failing = this.failing.get(key);
    if (!failing || failing.seq > seq) return;
    if (failing.timer) clearTimeout(failing.timer);
    this.failing.delete(key);
    this._onDidChangeFailures.fire(this.failures());
  }

  private failed(key: string, value: unknown, journalValue: unknown, seq: number, err: Error): void {
    const reason = err.message || String(err);
    let failing = this.failing.get(key);
    if (!failing) this.failing.set(key, (failing = { value, journalValue, seq, reason, tries: 0 }));
    else if (seq >= failing.seq) Object.assign(failing, { value, journalValue, seq });
    const changed = failing.reason !== reason || failing.tries === 0;
    failing.reason = reason;
    failing.tries++;
    if (changed) this._onDidChangeFailures.fire(this.failures());
    if (failing.timer || this.disposed) return;
    const wait = RETRY_MS[Math.min(failing.tries - 1, RETRY_MS.length - 1)];
    failing.timer = setTimeout(() => {
      const f = this.failing.get(key);
      if (!f) return;
      f.timer = undefined;
      // Retried whole: a partial record for the journal (one progress mark) would miss the marks of earlier failed writes.
      void this.write(key, f.value, undefined, f.seq).catch(() => undefined);
    }, wait);
    (failing.timer as { unref?: () => void }).unref?.();
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export type Step = (value: Record<string, unknown>) => Record<string, unknown>;

/**
 * Brings a stored value to the current schema, one step per version: STEPS[n] turns schema n
 * into n + 1. Version 1 is the first, so there are no steps yet; a value of an unknown or
 * newer schema is returned as it is, and the shape check after it sets it aside.
 */
export function migrate(raw: unknown, steps: Record<number, Step>, target = SCHEMA): unknown {
  if (!isRecord(raw) || typeof raw.schema !== 'number') return raw;
  let value = raw;
  while ((value.schema as number) < target && steps[value.schema as number]) value = steps[value.schema as number](value);
  return value;
}
