// Gives a question page its HTML again when it has not said 'ready' a few seconds after being
// shown. In VS Code for the browser a page's script sometimes fails to load (the console shows a
// failed load of a webview resource: 4 of 23 first opens in one trial), leaving a blank page
// until it is closed and reopened. Pure: timers and the panel come in as functions.

export interface WatchdogHost {
  /** True while the page can be seen (a hidden webview loads nothing, so it is not timed). */
  visible(): boolean;
  /** Sets the page's HTML again. */
  reload(attempt: number): void;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export const READY_WITHIN_MS = 4000;
export const MAX_RELOADS = 2;

export class ReadyWatchdog {
  private ready = false;
  private timer: unknown;
  /** How many times the HTML was set again. */
  reloads = 0;

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
   * is still reloaded once it can be seen, whether or not VS Code said it became visible.
   */
  private arm(): void {
    this.disarm();
    if (this.ready || this.reloads >= MAX_RELOADS) return;
    this.timer = this.host.setTimer(() => {
      this.timer = undefined;
      if (this.ready) return;
      if (this.host.visible()) {
        this.reloads++;
        this.host.reload(this.reloads);
      }
      this.arm();
    }, READY_WITHIN_MS);
  }

  private disarm(): void {
    if (this.timer !== undefined) this.host.clearTimer(this.timer);
    this.timer = undefined;
  }
}
