// A base for things that own other disposables: register them as they are made, and they go
// with it, once. Mirrors VS Code's own Disposable base, without importing 'vscode'.
import type { Disposable as Disposable_ } from './emitter';

export abstract class Disposable implements Disposable_ {
  private readonly owned: Disposable_[] = [];
  private disposedOnce = false;

  protected get isDisposed(): boolean {
    return this.disposedOnce;
  }

  /** Takes ownership of a disposable (disposed at once if this one already is). */
  protected register<T extends Disposable_>(d: T): T {
    if (this.disposedOnce) d.dispose();
    else this.owned.push(d);
    return d;
  }

  dispose(): void {
    if (this.disposedOnce) return;
    this.disposedOnce = true;
    for (const d of this.owned.splice(0).reverse()) {
      try {
        d.dispose();
      } catch (err) {
        console.error('dispose failed', err);
      }
    }
  }
}
