// The one door to the key-value store under progress and notes: writes start at once and are
// awaited together, and a stored value of the wrong shape is set aside with one warning, never
// deleted. Pure: no 'vscode'.
import { Emitter, type Event } from '../util/emitter';

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

export const asideKey = (key: string, now: number) => `aside/${now}/${key}`;

export class Storage {
  /** Problems found in stored data so far; each is also announced once through onWarning. */
  readonly warnings: StoreWarning[] = [];
  private readonly _onWarning = new Emitter<StoreWarning>();
  readonly onWarning: Event<StoreWarning> = this._onWarning.event;
  private readonly setAsideKeys = new Set<string>();
  /** Resolves when every write started so far has landed. */
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly kv: KeyValueStore,
    readonly now: () => number = Date.now,
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
   * behind, and a reload then lost the tail (seen in the UI tests). The promise resolves when
   * this and every earlier write have landed.
   */
  write(key: string, value: unknown, journalValue?: unknown): Promise<void> {
    if (value !== undefined) this.setAsideKeys.delete(key);
    let landed: Promise<void>;
    try {
      landed = Promise.resolve(journalValue === undefined ? this.kv.update(key, value) : this.kv.update(key, value, journalValue)).then(
        () => undefined,
        (err) => console.error('storage write failed', err),
      );
    } catch (err) {
      console.error('storage write failed', err);
      landed = Promise.resolve();
    }
    this.writes = Promise.all([this.writes, landed]).then(() => undefined);
    return this.writes;
  }

  /** Resolves when every write asked for so far has reached the store. */
  flush(): Promise<void> {
    return this.writes;
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
