// What has not landed yet, per key, and its next try: the one mechanism behind Storage's writes
// (progress/storage.ts) and the notes folder's files (progress/note-files.ts). A key that failed
// keeps the newest value asked for and why it failed; it is tried again after a wait that grows
// (RETRY_MS) until it lands. Whoever listens hears each change of the list. Pure.
import { Emitter, type Event } from '../util/emitter';

/** The waits between tries of a write that failed; the last one repeats until it lands. */
export const RETRY_MS = [500, 1000, 2000, 5000];

/** A key that has not landed, and why it failed last. */
export interface Failure {
  key: string;
  reason: string;
}

interface Entry<T> {
  /** The newest value asked for: the one retried. */
  value: T;
  /** Which write asked for it: an older write landing late does not clear it. */
  seq: number;
  reason: string;
  tries: number;
  timer?: ReturnType<typeof setTimeout>;
}

export class Retries<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly _onDidChange = new Emitter<readonly Failure[]>();
  /** The list changed: a key failed (or failed for another reason), or landed at last. */
  readonly onDidChange: Event<readonly Failure[]> = this._onDidChange.event;
  private disposed = false;

  /** `retry` tries a key again with its newest value (and the write that asked for it). */
  constructor(private readonly retry: (key: string, value: T, seq: number) => void) {}

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Why a key has not landed, if it has not. */
  reason(key: string): string | undefined {
    return this.entries.get(key)?.reason;
  }

  list(): Failure[] {
    return [...this.entries].map(([key, e]) => ({ key, reason: e.reason }));
  }

  /** A newer value for a key: if it is failing, this is what its next try writes. */
  update(key: string, value: T, seq = 0): void {
    const e = this.entries.get(key);
    if (e && seq >= e.seq) Object.assign(e, { value, seq });
  }

  /** A write failed: the key waits, with its newest value, and is tried again after a wait. */
  failed(key: string, value: T, reason: string, seq = 0): void {
    let e = this.entries.get(key);
    if (!e) this.entries.set(key, (e = { value, seq, reason, tries: 0 }));
    else if (seq >= e.seq) Object.assign(e, { value, seq });
    const changed = e.tries === 0 || e.reason !== reason;
    e.reason = reason;
    e.tries++;
    if (changed) this._onDidChange.fire(this.list());
    if (e.timer || this.disposed) return;
    e.timer = setTimeout(
      () => {
        const now = this.entries.get(key);
        if (!now || this.disposed) return;
        now.timer = undefined;
        this.retry(key, now.value, now.seq);
      },
      RETRY_MS[Math.min(e.tries - 1, RETRY_MS.length - 1)],
    );
    (e.timer as { unref?: () => void }).unref?.();
  }

  /** A write landed: unless a newer write of the key is still failing, the key is off the list. */
  landed(key: string, seq = Infinity): void {
    const e = this.entries.get(key);
    if (!e || e.seq > seq) return;
    if (e.timer) clearTimeout(e.timer);
    this.entries.delete(key);
    this._onDidChange.fire(this.list());
  }

  dispose(): void {
    this.disposed = true;
    for (const e of this.entries.values()) if (e.timer) clearTimeout(e.timer);
    this._onDidChange.dispose();
  }
}
