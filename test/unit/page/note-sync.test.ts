// The page's half of the note protocol (shared/note-sync.ts), without a DOM: what it sends, keeps
// and shows for every reply, in every race the "newer wins" rule names (README, Where your data
// lives): a reload's restored draft older or newer than the stored note, another page's save
// while typing, a patch that no longer applies, a reply for an older keystroke, a failed write.
import assert from 'node:assert/strict';
import { PageNote, PATCH_ABOVE_CHARS, RESEND_MS, type NoteStatus, type NoteView } from '../../../src/shared/note-sync';
import type { PageMessage, PageState } from '../../../src/shared/protocol';

type Edit = Extract<PageMessage, { type: 'editNote' }>;

/** The page around a PageNote: its notes box, status line, saved state and timers, all in memory. */
class FakePage {
  sent: Edit[] = [];
  statuses: NoteStatus[] = [];
  state: PageState | undefined;
  box = '';
  timers: Array<{ run: () => void; ms: number; cleared?: boolean }> = [];
  readonly note: PageNote;
  constructor(state?: PageState, writer = 'w-now') {
    this.state = state;
    this.note = new PageNote(
      {
        send: (m) => this.sent.push(m),
        getState: () => this.state,
        setState: (s) => (this.state = s),
        text: () => this.box,
        setText: (t) => (this.box = t),
        status: (s) => this.statuses.push(s),
        setTimer: (run, ms) => {
          const t = { run, ms };
          this.timers.push(t);
          return t;
        },
        clearTimer: (t) => ((t as { cleared?: boolean }).cleared = true),
      },
      writer,
    );
  }
  type(text: string): Edit {
    this.box = text;
    this.note.typed();
    return this.sent.at(-1)!;
  }
  get status(): NoteStatus | undefined {
    return this.statuses.at(-1);
  }
  /** Runs the timers due (not cleared), as time passing would. */
  tick(): void {
    const due = this.timers.filter((t) => !t.cleared);
    this.timers = [];
    due.forEach((t) => t.run());
  }
}

const view = (over: Partial<NoteView> = {}): NoteView => ({
  bankId: 'django',
  id: '1.1',
  pageKey: 'k',
  note: '',
  noteStamp: { version: 0, writer: '', revision: 0 },
  ...over,
});

describe('the page’s half of the note protocol', () => {
  it('sends every keystroke at once, keeps the draft until it is saved, and a reply for an older keystroke keeps the newer draft', () => {
    const p = new FakePage();
    p.note.show(view());
    const first = p.type('a');
    const second = p.type('ab');
    assert.deepEqual([first.revision, second.revision, second.text], [1, 2, 'ab']);
    assert.equal(p.status?.kind, 'saving');
    p.note.receive({ type: 'saved', id: '1.1', writer: 'w-now', revision: 1, version: 1 });
    assert.equal(p.state?.pending?.text, 'ab', 'the reply for the first keystroke keeps the second');
    assert.equal(p.status?.kind, 'saving');
    p.note.receive({ type: 'saved', id: '1.1', writer: 'w-now', revision: 2, version: 2 });
    assert.equal(p.state?.pending, undefined);
    assert.equal(p.status?.kind, 'saved');
    assert.equal(p.type('abc').base, 2, 'the next edit is made on the version saved');
  });

  it('sends a long note as a patch to the previous send, and whole again when asked to resend (once for a burst)', () => {
    const p = new FakePage();
    p.note.show(view());
    const long = 'x'.repeat(PATCH_ABOVE_CHARS + 5);
    assert.equal(p.type(long).text, long);
    const patch = p.type(long + 'y');
    assert.ok(patch.patch !== undefined && patch.patch.insert === 'y' && patch.patch.from === 1 && patch.text === undefined);
    p.note.receive({ type: 'resend', id: '1.1', writer: 'w-now', revision: 2 });
    p.note.receive({ type: 'resend', id: '1.1', writer: 'w-now', revision: 2 });
    const resent = p.sent.slice(2);
    assert.equal(resent.length, 1);
    assert.equal(resent[0].text, long + 'y');
  });

  it('sends a patched edit whole before showing another question', () => {
    const p = new FakePage();
    p.note.show(view());
    p.type('x'.repeat(PATCH_ABOVE_CHARS + 1));
    p.type('x'.repeat(PATCH_ABOVE_CHARS + 2));
    p.note.leave();
    const last = p.sent.at(-1)!;
    assert.ok(last.text?.length === PATCH_ABOVE_CHARS + 2 && last.revision === 2);
  });

  it('sends a draft a reload brought back as restored, shows the copy the version rule picks, and takes the extension’s verdict', () => {
    // Older than the stored note (same earlier writer, lower revision): the stored note is shown.
    const stale = new FakePage({
      bankId: 'django',
      id: '1.1',
      pageKey: 'k',
      pending: { id: '1.1', bankId: 'django', text: 'old draft', writer: 'w-before', revision: 3, base: 1 },
    });
    stale.note.show(view({ note: 'newer note', noteStamp: { version: 2, writer: 'w-before', revision: 5 } }));
    assert.equal(stale.box, 'newer note');
    assert.deepEqual(
      stale.sent.map((m) => [m.restored, m.text, m.writer]),
      [[true, 'old draft', 'w-before']],
    );
    stale.note.receive({
      type: 'kept',
      id: '1.1',
      writer: 'w-before',
      revision: 3,
      text: 'newer note',
      stamp: { version: 2, writer: 'w-before', revision: 5 },
      conflict: true,
    });
    assert.equal(stale.state?.pending, undefined);
    assert.equal(stale.status?.kind, 'keptDraft', 'the learner is told the older draft was kept as a copy');

    // Newer than the stored note (made on its version): the draft is shown, and saved.
    const newer = new FakePage({
      bankId: 'django',
      id: '1.1',
      pageKey: 'k',
      pending: { id: '1.1', bankId: 'django', text: 'typed last', writer: 'w-before', revision: 7, base: 2 },
    });
    newer.note.show(view({ note: 'saved before', noteStamp: { version: 2, writer: 'w-before', revision: 6 } }));
    assert.equal(newer.box, 'typed last');
    newer.note.receive({ type: 'saved', id: '1.1', writer: 'w-before', revision: 7, version: 3 });
    assert.equal(newer.state?.pending, undefined);
    assert.equal(newer.status?.kind, 'saved');
  });

  it('sends a restored draft of another question to be judged in its own bank, and shows the question asked for', () => {
    const p = new FakePage({
      bankId: 'django',
      id: '3.3',
      pageKey: 'k',
      pending: { id: '3.3', bankId: 'django', text: 'on 3.3', writer: 'w-before', revision: 1, base: 0 },
    });
    p.note.show(view({ id: '3.4', note: 'note of 3.4' }));
    assert.equal(p.box, 'note of 3.4');
    assert.deepEqual(
      p.sent.map((m) => [m.id, m.restored]),
      [['3.3', true]],
    );
    assert.deepEqual(p.state, { bankId: 'django', id: '3.4', pageKey: 'k' });
  });

  it('keeps its own typing when the same question is shown again, and sends what was not sent', () => {
    const p = new FakePage();
    p.note.show(view());
    p.type('mine');
    p.note.show(view({ note: 'stored' }));
    assert.equal(p.box, 'mine');
  });

  it('takes another page’s save only while it has no unsaved typing of its own', () => {
    const p = new FakePage();
    p.note.show(view());
    p.note.receive({ type: 'note', id: '1.1', text: 'from the other page', stamp: { version: 4, writer: 'w-other', revision: 9 } });
    assert.equal(p.box, 'from the other page');
    assert.equal(p.type('from the other page, and mine').base, 4, 'typed on top of what it took');
    p.note.receive({ type: 'note', id: '1.1', text: 'the other page again', stamp: { version: 5, writer: 'w-other', revision: 10 } });
    assert.equal(p.box, 'from the other page, and mine', 'never replaced under the cursor');
  });

  it('says a failed save is not saved, keeps the draft, and sends it again whole after a wait that grows, until it is saved', () => {
    const p = new FakePage();
    p.note.show(view());
    p.type('typed while the disk is full');
    p.note.receive({ type: 'failed', id: '1.1', writer: 'w-now', revision: 1, message: 'the disk is full' });
    assert.deepEqual(p.status, { kind: 'failed', reason: 'the disk is full' });
    assert.equal(p.state?.pending?.text, 'typed while the disk is full');
    assert.deepEqual(
      p.timers.map((t) => t.ms),
      [RESEND_MS[0]],
    );
    const before = p.sent.length;
    p.tick();
    const again = p.sent.slice(before);
    assert.deepEqual(
      again.map((m) => [m.text, m.revision, m.restored]),
      [['typed while the disk is full', 1, false]],
    );
    p.note.receive({ type: 'failed', id: '1.1', writer: 'w-now', revision: 1, message: 'the disk is full' });
    assert.deepEqual(
      p.timers.map((t) => t.ms),
      [RESEND_MS[1]],
      'the wait grows',
    );
    p.note.receive({ type: 'saved', id: '1.1', writer: 'w-now', revision: 1, version: 1 });
    assert.equal(p.state?.pending, undefined);
    assert.equal(p.status?.kind, 'saved');
    assert.ok(
      p.timers.every((t) => t.cleared),
      'no retry after it is saved',
    );
  });

  it('retries a restored draft that failed as it came, and never retries a note refused for good', () => {
    const p = new FakePage({
      bankId: 'django',
      id: '1.1',
      pageKey: 'k',
      pending: { id: '1.1', bankId: 'django', text: 'draft', writer: 'w-before', revision: 2, base: 0 },
    });
    p.note.show(view({ note: 'stored', noteStamp: { version: 1, writer: 'w-x', revision: 1 } }));
    p.note.receive({ type: 'failed', id: '1.1', writer: 'w-before', revision: 2, message: 'EACCES' });
    p.tick();
    assert.deepEqual(
      p.sent.map((m) => [m.writer, m.restored]),
      [
        ['w-before', true],
        ['w-before', true],
      ],
    );

    const q = new FakePage();
    q.note.show(view());
    q.type('too long, say');
    q.note.receive({ type: 'rejected', id: '1.1', revision: 1, message: 'note is too large' });
    assert.deepEqual(q.status, { kind: 'rejected', reason: 'note is too large' });
    assert.equal(q.timers.length, 0);
    assert.equal(q.state?.pending?.text, 'too long, say', 'the text stays');
  });
});
