// Answer notes. Each is stored with a version stamp (shared/note-sync.ts), so a copy that
// arrives late (a draft a revived page restored, a second page, the journal) never replaces a
// newer one; a copy that loses but holds text the winner lacks is kept as a conflict copy, listed
// beside the orphaned notes. Pure: no 'vscode'.
import * as l10n from '@vscode/l10n';
import { Emitter, type Event } from '../util/emitter';
import {
  applyPatch,
  holdsTextTheOtherLacks,
  judgeEdit,
  UNVERSIONED,
  type NoteEdit,
  type NotePatch,
  type NoteStamp,
} from '../shared/note-sync';
import { SCHEMA, type Storage } from './storage';
import {
  checkNoteSize,
  ELSEWHERE,
  readNote,
  RejectedNote,
  SEEN_WRITERS,
  stampOf,
  type ConflictCopy,
  type NoteChange,
  type NoteOutcome,
  type NoteRecord,
  type StoredConflict,
  type StoredNote,
} from './note-record';
import * as v from 'valibot';
import { lastShown, setLastShown } from './shown';
import { conflictsOf, readConflict } from './conflicts';
import { keys, parseKey } from '../shared/keys';
import { EditNoteSchema, isEditNoteMessage, refusal, type EditNoteReply } from '../shared/protocol';

/** What a question page gives the extension's half of the note protocol (NoteStore.receiver). */
export interface NotePage {
  /** The bank shown now: a note that names none was typed in it. */
  bankId(): string;
  /** True when this window showed that question of that bank (a note may arrive for one that just left). */
  hasShown(bankId: string, id: string): boolean;
  post(reply: EditNoteReply): void;
  log(message: string): void;
  /** A note refused for good (too large): the learner is told. */
  refused(id: string, reason: string): void;
}

export class NoteStore {
  private readonly _onDidChangeNote = new Emitter<NoteChange>();
  readonly onDidChangeNote: Event<NoteChange> = this._onDidChangeNote.event;
  private readonly _onDidKeepConflict = new Emitter<ConflictCopy>();
  /** A losing copy was kept: the learner should hear of it once. */
  readonly onDidKeepConflict: Event<ConflictCopy> = this._onDidKeepConflict.event;
  /** This extension host's own writer id, for writes that are not a page's edits (commands, restores). */
  private readonly writer = `ext-${Math.random().toString(36).slice(2, 10)}`;
  private revision = 0;
  private seq = 0;

  /**
   * Notes as files (`folder`): each note written is also written to its file, and is saved only
   * once both hold it. Set while the notes folder is followed (source/notes-folder.ts).
   */
  mirror: ((bankId: string, id: string, text: string) => Promise<void>) | undefined;

  constructor(private readonly storage: Storage) {}

  get(bankId: string, id: string): NoteRecord {
    const key = keys.note(bankId, id);
    const raw = this.storage.get(key);
    if (raw === undefined) return { text: '', stamp: UNVERSIONED };
    const note = readNote(raw);
    if (note === undefined) {
      // Read again before the removal below lands (a page asks twice), it is still one problem.
      if (!this.storage.wasSetAside(key)) {
        this.storage.setAside(
          key,
          raw,
          l10n.t('The stored note of question "{0}" had the wrong shape; it was set aside, not deleted.', id),
        );
        void this.storage.write(key, undefined);
      }
      return { text: '', stamp: UNVERSIONED };
    }
    return { text: note.text, stamp: stampOf(note), updated: typeof note.updated === 'number' ? note.updated : 0 };
  }

  /**
   * Applies a page's edit by the version rule: newer than the stored note, it is saved; older (a
   * restored draft of the same page) or made without seeing the stored note, the stored note
   * stays. One exception: a live edit that had not seen another page's save wins, since the
   * learner is typing it now and it must not be replaced under their cursor; the text it replaced
   * is then kept as a conflict copy. A restored draft never wins that way.
   */
  edit(bankId: string, id: string, edit: NoteEdit, options: { restored?: boolean; origin?: unknown } = {}): Promise<NoteOutcome> {
    const tooLarge = checkNoteSize(edit.text);
    if (tooLarge) return Promise.reject(tooLarge);
    const current = this.get(bankId, id);
    const verdict = judgeEdit(current.stamp, edit);
    if (verdict === 'apply' || (verdict === 'concurrent' && !options.restored)) {
      const stamp: NoteStamp = { version: current.stamp.version + 1, writer: edit.writer, revision: edit.revision };
      const conflict =
        verdict === 'concurrent' && holdsTextTheOtherLacks(current.text, edit.text)
          ? this.keepConflict(bankId, id, current.text, l10n.t('saved from elsewhere while another page was being typed in'))
          : undefined;
      return this.write(bankId, id, edit.text, stamp, options.origin).then(() => ({ kind: 'saved', stamp, conflict }));
    }
    // A stale draft is an earlier state of the same page's typing: kept only when it and the note
    // each hold text the other lacks (text replaced since). A draft made without seeing the stored
    // note is kept whenever it holds text the note lacks.
    const keep =
      holdsTextTheOtherLacks(edit.text, current.text) && (verdict === 'concurrent' || holdsTextTheOtherLacks(current.text, edit.text));
    const conflict = keep
      ? this.keepConflict(
          bankId,
          id,
          edit.text,
          verdict === 'stale'
            ? l10n.t('an older draft that a reopened page brought back')
            : l10n.t('a draft that a reopened page brought back, made before the newer note was saved'),
        )
      : undefined;
    // The stored note stays: it is saved once it has landed (it may be a failed write still being retried).
    return Promise.all([this.storage.landed(keys.note(bankId, id)), this.mirror?.(bankId, id, current.text)]).then(() => ({
      kind: 'kept',
      text: current.text,
      stamp: current.stamp,
      conflict,
    }));
  }

  /**
   * The extension's half of the note protocol for one page (the page's: shared/note-sync.ts).
   * Takes the page's `editNote` messages (anything else is not its), checks each (the page is not
   * trusted), applies it by the version rule (edit), and answers: `saved`, `kept` (the stored note
   * stayed), `resend` (a patch that no longer applies), `rejected` (too large, for good) or
   * `failed` (storage, its journal or the note's file could not be written: the page retries).
   * A note is saved in the bank it was typed in (the bank may have been switched or edited while
   * the page typed), never into another, and even when its question has just left the bank (it is
   * then an orphaned note): typing is never dropped.
   */
  receiver(page: NotePage, origin: unknown): (raw: unknown) => void {
    return (raw) => {
      if (!isEditNoteMessage(raw)) return;
      const parsed = v.safeParse(EditNoteSchema, raw);
      if (!parsed.success) return page.log(`Ignored a note from the question page: ${refusal(parsed.issues)}`);
      const { id, writer, revision, base, restored } = parsed.output;
      const bankId = parsed.output.bankId ?? page.bankId();
      if (!page.hasShown(bankId, id))
        return page.log(`Ignored a note for a bank or question this window has not shown: ${bankId.slice(0, 100)} ${id.slice(0, 100)}`);
      const text = parsed.output.text ?? this.patched(bankId, id, writer, parsed.output.patch!);
      if (text === undefined) return page.post({ type: 'resend', id, writer, revision });
      this.edit(bankId, id, { text, writer, revision, base }, { restored, origin }).then(
        (outcome) =>
          page.post(
            outcome.kind === 'saved'
              ? { type: 'saved', id, writer, revision, version: outcome.stamp.version }
              : { type: 'kept', id, writer, revision, text: outcome.text, stamp: outcome.stamp, conflict: !!outcome.conflict },
          ),
        (err: Error) => {
          if (!(err instanceof RejectedNote)) return page.post({ type: 'failed', id, writer, revision, message: err.message });
          page.post({ type: 'rejected', id, revision, message: err.message });
          page.refused(id, err.message);
        },
      );
    };
  }

  /**
   * The text a page's patch makes of the stored note, or undefined when the stored note is not
   * the page's previous send (another copy was saved since): the page then sends the whole text.
   */
  patched(bankId: string, id: string, writer: string, patch: NotePatch): string | undefined {
    const current = this.get(bankId, id);
    if (current.stamp.writer !== writer || current.stamp.revision !== patch.from) return undefined;
    return applyPatch(current.text, patch);
  }

  /** A note that another window saved (already in storage): open pages hear of it. */
  changedElsewhere(change: NoteChange): void {
    // Its file follows too (notes as files), as for a note written here (write, below). A file
    // that cannot be written is kept, retried and told by the mirror (progress/note-files.ts).
    void this.mirror?.(change.bankId, change.id, change.text).catch(() => undefined);
    this._onDidChangeNote.fire(change);
  }

  /** A conflict copy that a merge with another window's copy kept: the learner hears of it here too. */
  conflictKeptElsewhere(key: string): void {
    const bankId = parseKey(key)?.bankId ?? '';
    const copy = readConflict(bankId, key, this.storage.get(key));
    if (copy) this._onDidKeepConflict.fire(copy);
  }

  /** Saves a note from the extension itself (a command, a restore): it goes on top of whatever is stored. */
  set(bankId: string, id: string, text: string, origin?: unknown): Promise<void> {
    const tooLarge = checkNoteSize(text);
    if (tooLarge) return Promise.reject(tooLarge);
    const current = this.get(bankId, id);
    const stamp: NoteStamp = { version: current.stamp.version + 1, writer: this.writer, revision: ++this.revision };
    return this.write(bankId, id, text, stamp, origin);
  }

  /**
   * The note becomes this text, written somewhere else (its file edited in the editor): a new
   * version, and the text it replaces kept as a conflict copy when it holds something the new
   * text lacks.
   */
  adopt(bankId: string, id: string, text: string, reason: string): Promise<void> {
    const old = this.get(bankId, id).text;
    if (old === text) return Promise.resolve();
    if (old && holdsTextTheOtherLacks(old, text)) this.keepConflict(bankId, id, old, reason);
    return this.set(bankId, id, text, ELSEWHERE);
  }

  /** Keeps a text that lost (an older file beside a newer note) as a conflict copy. */
  keepCopy(bankId: string, id: string, text: string, reason: string): void {
    if (text && holdsTextTheOtherLacks(text, this.get(bankId, id).text)) this.keepConflict(bankId, id, text, reason);
  }

  /** Ids of questions of a bank that have a stored, non-empty note. */
  notedIds(bankId: string): string[] {
    const prefix = keys.prefix('note', bankId);
    return this.storage
      .keys()
      .filter((k) => k.startsWith(prefix))
      .filter((k) => readNote(this.storage.get(k))?.text !== '')
      .map((k) => k.slice(prefix.length));
  }

  /** The conflict copies of a bank, oldest first. */
  conflicts(bankId: string): ConflictCopy[] {
    return conflictsOf(this.storage, bankId);
  }

  /** Makes a conflict copy the note again; the note it replaces is kept as a conflict copy if it holds text the copy lacks. */
  async restoreConflict(copy: ConflictCopy): Promise<void> {
    const current = this.get(copy.bankId, copy.id);
    if (holdsTextTheOtherLacks(current.text, copy.text))
      this.keepConflict(copy.bankId, copy.id, current.text, l10n.t('the note before a conflict copy was restored over it'));
    await this.set(copy.bankId, copy.id, copy.text);
    await this.storage.write(copy.key, undefined);
  }

  discardConflict(copy: ConflictCopy): Promise<void> {
    return this.storage.write(copy.key, undefined);
  }

  /** The question a page showed last (progress/shown.ts). */
  lastShown(bankId: string, pageKey?: string): string | undefined {
    return lastShown(this.storage, bankId, pageKey);
  }

  setLastShown(bankId: string, id: string, pageKey?: string): void {
    setLastShown(this.storage, bankId, id, pageKey);
  }

  dispose(): void {
    this._onDidChangeNote.dispose();
    this._onDidKeepConflict.dispose();
  }

  private write(bankId: string, id: string, text: string, stamp: NoteStamp, origin: unknown): Promise<void> {
    const key = keys.note(bankId, id);
    const before = readNote(this.storage.get(key));
    const seen = [...(before?.seen ?? []), ...(before?.writer && before.writer !== stamp.writer ? [before.writer] : [])]
      .filter((w, i, all) => all.indexOf(w) === i && w !== stamp.writer)
      .slice(-SEEN_WRITERS);
    const value: StoredNote = { schema: SCHEMA, text, updated: this.storage.now(), ...stamp, seen };
    const written = this.storage.write(key, value);
    const filed = this.mirror?.(bankId, id, text);
    this._onDidChangeNote.fire({ bankId, id, text, stamp, origin });
    return Promise.all([written, filed]).then(() => undefined);
  }

  /**
   * Keeps a losing copy, unless a copy already kept holds all of it. Earlier copies of the same
   * question that this one holds entirely are replaced by it, so a run of conflicts leaves one copy.
   */
  private keepConflict(bankId: string, id: string, text: string, reason: string): ConflictCopy | undefined {
    const existing = this.conflicts(bankId).filter((c) => c.id === id);
    if (existing.some((c) => !holdsTextTheOtherLacks(text, c.text))) return undefined;
    for (const c of existing) if (!holdsTextTheOtherLacks(c.text, text)) void this.storage.write(c.key, undefined);
    const updated = this.storage.now();
    const key = keys.conflict(bankId, `${updated}-${++this.seq}-${this.writer}`);
    const value: StoredConflict = { schema: SCHEMA, id, text, updated, reason };
    void this.storage.write(key, value);
    const copy: ConflictCopy = { key, bankId, id, text, updated, reason };
    this._onDidKeepConflict.fire(copy);
    return copy;
  }
}
