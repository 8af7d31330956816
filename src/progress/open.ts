// Opens a study: the bank and, beside it, the workspace's journal merged into workspace storage.
// Pure: the caller passes the platform (files, the journal's folder) and the storage.
import { bankSource, type BankPlatform } from '../bank/source';
import { loadBankFile, type LoadedBank } from '../bank/load';
import { JournaledStore, type JournalDir } from './journal';
import { mergeStored } from './merge';
import type { KeyValueStore } from './storage';
import { StudyStore } from './store';
import { Study } from './study';

export interface OpenedStudy {
  study: Study;
  loaded: LoadedBank;
  /** Follows the other windows' journals; dispose with the study. */
  following: { dispose(): void };
  journal: JournaledStore;
  /** What the journal restored or could not read, for the log. */
  notes: string[];
}

export async function openStudy(o: {
  extensionDir: string;
  globalStorageDir: string;
  memento: KeyValueStore;
  env: Record<string, string | undefined>;
  /** The bank file the learner chose, if any. */
  chosenFile?: string;
  bank: BankPlatform;
  /** This workspace's journal folder (shared by every window on it), and the journal of earlier versions. */
  journal: { dir: JournalDir };
  /** This window's id in the journal. */
  hostId: string;
  /** The extension's log. */
  log?: (message: string) => void;
}): Promise<OpenedStudy> {
  const source = bankSource(o);
  const [loaded, opened] = await Promise.all([
    loadBankFile(source.file, source.load),
    // One journal file per window, merged by every window (see journal.ts).
    JournaledStore.open(o.memento, o.journal.dir, { hostId: o.hostId, merge: mergeStored, log: o.log }),
  ]);
  const notes: string[] = [];
  if (opened.recovered.length)
    notes.push(`Recovered ${opened.recovered.length} recent change(s) from the journal: ${opened.recovered.join(', ')}`);
  if (opened.warning) notes.push(opened.warning);
  const store = new StudyStore(opened.store);
  const study = new Study(source.bankId, loaded.bank, store);
  // Another window's ticks and notes reach this window's tree and pages within a second.
  const following = opened.store.follow((keys) => store.changedElsewhere(keys));
  return { study, loaded, following, journal: opened.store, notes };
}
