// The line at the top of the Questions view (TreeView.message): more than one part of the
// extension has something to say there (Restricted Mode, a bank with no questions), so each sets
// its own part and the view shows them together.
import type * as vscode from 'vscode';

export type ViewMessagePart = 'trust' | 'bank';

export class ViewMessage {
  private readonly parts = new Map<ViewMessagePart, string>();
  private view: Pick<vscode.TreeView<unknown>, 'message'> | undefined;

  /** The view to write to; what was said before it existed is shown now. */
  attach(view: Pick<vscode.TreeView<unknown>, 'message'>): void {
    this.view = view;
    this.show();
  }

  set(part: ViewMessagePart, text: string | undefined): void {
    if (text) this.parts.set(part, text);
    else this.parts.delete(part);
    this.show();
  }

  get text(): string | undefined {
    return this.parts.size ? [...this.parts.values()].join(' ') : undefined;
  }

  private show(): void {
    if (this.view) this.view.message = this.text;
  }
}
