// Notes as files: in step both ways, the newer winning at start, nothing lost when both change.
import assert from 'node:assert/strict';
import { NoteMirror, fileNameOf, idOfFileName, notesRootIn, type NoteFileSystem } from '../../../src/progress/note-files';
import { StudyStore } from '../../../src/progress/store';
import { Study } from '../../../src/progress/study';
import { parseBank } from '../../../src/bank/parse';
import { MemoryStore } from '../../fakes/memory';

const BANK = parseBank(['## 1. A', '', '1. one', '2. two', '3. three'].join('\n'));

class MemoryFiles implements NoteFileSystem {
  files = new Map<string, { text: string; mtime: number }>();
  writes = 0;
  constructor(private readonly clock: () => number) {}
  async read(path: string) {
    return this.files.get(path);
  }
  async write(path: string, text: string) {
    this.writes++;
    await new Promise((r) => setTimeout(r, 5));
    this.files.set(path, { text, mtime: this.clock() });
  }
  async list(dir: string) {
    return [...this.files.keys()].filter((p) => p.startsWith(dir + '/')).map((p) => p.slice(dir.length + 1));
  }
}

function setup() {
  let t = 1_000_000;
  const clock = () => ++t;
  const memento = new MemoryStore();
  const store = new StudyStore(memento, clock);
  const study = new Study('bank', BANK, store);
  const fs = new MemoryFiles(clock);
  const mirror = new NoteMirror(fs, '/w/.interview-notes', store, () => study.bankId);
  return { memento, store, study, fs, mirror, clock };
}

describe('notes as files', () => {
  it('names files by question id, safely, and reads the names back', () => {
    assert.equal(fileNameOf('2B.7'), '2B.7.md');
    assert.equal(fileNameOf('a:b/c'), 'a%3Ab%2Fc.md');
    assert.equal(fileNameOf('.hidden'), '%2Ehidden.md');
    for (const id of ['2B.7', 'a:b/c', '.hidden', 'ünï']) assert.equal(idOfFileName(fileNameOf(id)), id);
    assert.equal(idOfFileName('notes.txt'), undefined);
  });

  it('writes a note typed fast to its file, only the newest text once the one in flight lands', async () => {
    const { store, fs, mirror } = setup();
    let text = '';
    for (const c of 'queryset') {
      text += c;
      await store.setNote('bank', '1.1', text);
      void mirror.noteChanged('1.1', text);
    }
    await mirror.flush();
    assert.equal(fs.files.get('/w/.interview-notes/bank/1.1.md')?.text, 'queryset');
    assert.ok(fs.writes <= 3, `${fs.writes} writes for 8 keystrokes`);
    // Its own write coming back as an event changes nothing.
    await mirror.fileChanged('/w/.interview-notes/bank/1.1.md');
    assert.equal(store.getNote('bank', '1.1'), 'queryset');
  });

  it('takes a file edited elsewhere as the note, keeping the replaced text as a conflict copy', async () => {
    const { store, study, fs, mirror, clock } = setup();
    await store.setNote('bank', '1.2', 'from the page');
    await mirror.noteChanged('1.2', 'from the page');
    fs.files.set('/w/.interview-notes/bank/1.2.md', { text: 'rewritten in the editor', mtime: clock() });
    await mirror.fileChanged('/w/.interview-notes/bank/1.2.md');
    assert.equal(study.getNote('1.2'), 'rewritten in the editor');
    assert.deepEqual(
      study.conflicts().map((c) => c.text),
      ['from the page'],
    );
    await mirror.fileChanged('/w/.interview-notes/bank/other-bank-file.txt');
    await mirror.fileChanged('/w/.interview-notes/elsewhere/1.2.md');
    assert.equal(study.getNote('1.2'), 'rewritten in the editor', 'files of other banks or names are not notes');
  });

  it('writes each note to its file once, whether written here, adopted from its file, or by another window', async () => {
    const { memento, store, fs, mirror } = setup();
    store.notes.mirror = (_bankId, id, text) => mirror.noteChanged(id, text);
    await store.notes.set('bank', '1.1', 'written here');
    assert.equal(fs.files.get('/w/.interview-notes/bank/1.1.md')?.text, 'written here');
    // Another window's note, already merged into storage: its file follows too.
    await memento.update('note/bank/1.2', {
      schema: 1,
      text: 'from the other window',
      updated: 1,
      version: 1,
      writer: 'w-other',
      revision: 1,
    });
    store.changedElsewhere(['note/bank/1.2']);
    await mirror.flush();
    assert.equal(fs.files.get('/w/.interview-notes/bank/1.2.md')?.text, 'from the other window');
    // A file edited elsewhere becomes the note; it is not written back to itself.
    fs.files.set('/w/.interview-notes/bank/1.3.md', { text: 'edited in the editor', mtime: 5 });
    const before = fs.writes;
    await mirror.fileChanged('/w/.interview-notes/bank/1.3.md');
    await mirror.flush();
    assert.equal(store.getNote('bank', '1.3'), 'edited in the editor');
    assert.equal(fs.writes, before, 'no write of a file that already holds the text');
  });

  it('places the notes folder inside the workspace folder, or nowhere when the setting leaves it', () => {
    assert.equal(notesRootIn('/repo', '.interview-notes'), '/repo/.interview-notes');
    assert.equal(notesRootIn('/owner/repo/', 'study/notes/'), '/owner/repo/study/notes');
    assert.equal(notesRootIn('/repo', './a/../b'), '/repo/b');
    assert.equal(notesRootIn('/repo', 'a\\b'), '/repo/a/b');
    for (const outside of ['/home/me/notes', 'C:\\notes', '~/notes', '../notes', 'a/../../notes', '.', ''])
      assert.equal(notesRootIn('/repo', outside), undefined, outside);
  });

  it('takes a save in the editor by its text at once, and its later watcher event changes nothing', async () => {
    const { store, study, fs, mirror } = setup();
    await store.setNote('bank', '1.4', 'typed on the page');
    await mirror.noteChanged('1.4', 'typed on the page');
    // The file still holds the old text when the save is reported: the saved text is what counts.
    await mirror.fileChanged('/w/.interview-notes/bank/1.4.md', 'typed on the page, then in the editor');
    assert.equal(study.getNote('1.4'), 'typed on the page, then in the editor');
    const writes = fs.writes;
    fs.files.set('/w/.interview-notes/bank/1.4.md', { text: 'typed on the page, then in the editor', mtime: 1 });
    await mirror.fileChanged('/w/.interview-notes/bank/1.4.md');
    await mirror.flush();
    assert.equal(study.getNote('1.4'), 'typed on the page, then in the editor');
    assert.equal(fs.writes, writes, 'no write back of what the editor saved');
    assert.deepEqual(study.conflicts(), [], 'the page’s text is in the saved one: no copy');
  });

  it('brings notes and files in step at start: the newer wins, the other is kept', async () => {
    const { store, study, fs, mirror, clock } = setup();
    await store.setNote('bank', '1.1', 'only stored');
    fs.files.set('/w/.interview-notes/bank/1.2.md', { text: 'only a file', mtime: clock() });
    await store.setNote('bank', '1.3', 'stored, older');
    fs.files.set('/w/.interview-notes/bank/1.3.md', { text: 'file, newer', mtime: clock() });
    fs.files.set('/w/.interview-notes/bank/1.1.md', { text: 'only stored', mtime: clock() });
    await mirror.reconcile();
    await mirror.flush();
    assert.equal(study.getNote('1.2'), 'only a file');
    assert.equal(study.getNote('1.3'), 'file, newer');
    assert.deepEqual(
      study.conflicts().map((c) => c.text),
      ['stored, older'],
    );
    // A stored note newer than its file: the file follows, its old text kept.
    await store.setNote('bank', '1.1', 'stored, edited since');
    fs.files.set('/w/.interview-notes/bank/1.1.md', { text: 'only stored, file edited long ago', mtime: 1 });
    await mirror.reconcile();
    await mirror.flush();
    assert.equal(fs.files.get('/w/.interview-notes/bank/1.1.md')?.text, 'stored, edited since');
    assert.ok(study.conflicts().some((c) => c.text === 'only stored, file edited long ago'));
  });
});
