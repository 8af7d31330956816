// The one door to the key-value store under progress and notes: writes start at once and are
// awaited together, and a stored value of the wrong shape is set aside with one warning, never
// deleted. Pure: no 'vscode'.
import { Emitter, type Event } from '../util/emitter';
import { keys } from '../shared/keys';
import { Retries, type Failure } from './retries';

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

/** A write that has not settled after this long is taken as failed: it is retried like one that failed. */
export const WRITE_TIMEOUT_MS = 10_000;
/** A write that has not landed: what was written, and why it failed last. */
export type WriteFailure = Failure;

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
  /**
   * The writes that have not landed, retried whole: a partial record for the journal (one progress
   * mark) would miss the marks of earlier failed writes.
   */
  private readonly retries = new Retries<unknown>((key, value, seq) => void this.write(key, value, undefined, seq).catch(() => undefined));
  /** The writes that have not landed changed: some failed, or landed at last (the list is empty then). */
  readonly onDidChangeFailures: Event<readonly WriteFailure[]> = this.retries.onDidChange;
  private readonly setAsideKeys = new Set<string>();
  /** Every write started so far, settled or not. */
  private writes: Promise<void> = Promise.resolve();
  private seq = 0;

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
    this.retries.update(key, value, seq);
    let update: Promise<void>;
    try {
      update = Promise.resolve(journalValue === undefined ? this.kv.update(key, value) : this.kv.update(key, value, journalValue));
    } catch (err) {
      update = Promise.reject(err);
    }
    const landed = withTimeout(update, this.timeoutMs).then(
      () => this.retries.landed(key, seq),
      (err: Error) => {
        this.retries.failed(key, value, err.message || String(err), seq);
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
    const [first] = this.retries.list();
    if (first) throw new Error(first.reason);
  }

  /** Resolves when a key's writes so far have landed; rejects with the reason while one has not. */
  async landed(key: string): Promise<void> {
    await this.writes;
    const reason = this.retries.reason(key);
    if (reason !== undefined) throw new Error(reason);
  }

  /** The writes that have not landed yet, and why. */
  failures(): WriteFailure[] {
    return this.retries.list();
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
    void this.write(keys.aside(this.now(), key), raw);
  }

  dispose(): void {
    this.retries.dispose();
    this._onWarning.dispose();
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
