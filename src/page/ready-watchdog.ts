// Looks after a page that should say 'ready' soon after its HTML is set. In VS Code for the
// browser a webview sometimes never starts: its script fails to load (the console shows a failed
// load of a webview resource: 4 of 23 first opens in one trial), or VS Code's own outer frame
// waits for ever for its service worker and never makes the inner frame that holds the page
// (seen after two tabs on one workspace reloaded together). Setting the HTML again cures the
// first; only a new frame, that is a new panel, cures the second. So the first recovery sets the
// HTML again and the later ones ask for a new panel. Pure: timers and the panel come in as
// functions.

export interface WatchdogHost {
  /** True while the page can be seen (a hidden webview loads nothing, so it is not timed). */
  visible(): boolean;
  /** Tries to bring the page up again: `attempt` counts from 1 (see recoveryOf). */
  recover(attempt: number): void;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  /**
   * Up to a second more before a new panel, from 0 to 1: two tabs reloaded together stall
   * together (their frames' service-worker registrations race), and would race again if both
   * made their new panels at the same moment. Math.random when not given.
   */
  jitter?(): number;
}

export const READY_WITHIN_MS = 4000;
export const MAX_RECOVERIES = 3;
export const JITTER_MS = 1000;

/** What the nth recovery does: the HTML again first, a new panel after that. */
export function recoveryOf(attempt: number): 'html' | 'panel' {
  return attempt <= 1 ? 'html' : 'panel';
}

export class ReadyWatchdog {
  private ready = false;
  private timer: unknown;
  /** How many recoveries were tried. */
  recoveries = 0;

  constructor(private readonly host: WatchdogHost) {}

  /** The HTML was just set: the page should say 'ready' soon. */
  expect(): void {
    this.ready = false;
    this.arm();
  }

  /** The page said 'ready'. */
  readyNow(): void {
    this.ready = true;
    this.disarm();
  }

  /** The page became visible or hidden: a page just shown gets the whole time again. */
  visibilityChanged(): void {
    if (this.host.visible()) this.arm();
  }

  dispose(): void {
    this.ready = true;
    this.disarm();
  }

  /**
   * Looks again every READY_WITHIN_MS until the page says 'ready'. A hidden page is only looked
   * at again (a hidden webview loads nothing), so a page that was hidden when its HTML was set
   * is still recovered once it can be seen, whether or not VS Code said it became visible.
   */
  private arm(): void {
    this.disarm();
    if (this.ready || this.recoveries >= MAX_RECOVERIES) return;
    const next = recoveryOf(this.recoveries + 1);
    const ms = READY_WITHIN_MS + (next === 'panel' ? Math.round((this.host.jitter ?? Math.random)() * JITTER_MS) : 0);
    this.timer = this.host.setTimer(() => {
      this.timer = undefined;
      if (this.ready) return;
      if (this.host.visible()) {
        this.recoveries++;
        this.host.recover(this.recoveries);
      }
      this.arm();
    }, ms);
  }

  private disarm(): void {
    if (this.timer !== undefined) this.host.clearTimer(this.timer);
    this.timer = undefined;
  }
}
