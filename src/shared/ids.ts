// Command and view ids, one place, matching package.json's contributes.
export const COMMANDS = {
  openQuestion: 'djangoPrep.openQuestion',
  openQuestionInNewPage: 'djangoPrep.openQuestionInNewPage',
  showOrphanedNotes: 'djangoPrep.showOrphanedNotes',
  toggleDone: 'djangoPrep.toggleDone',
  nextQuestion: 'djangoPrep.nextQuestion',
  previousQuestion: 'djangoPrep.previousQuestion',
  resetProgress: 'djangoPrep.resetProgress',
  showProblems: 'djangoPrep.showProblems',
  chooseBank: 'djangoPrep.chooseBank',
  revealInBank: 'djangoPrep.revealInBank',
  filter: 'djangoPrep.filter',
  nextUndone: 'djangoPrep.nextUndone',
  randomQuestion: 'djangoPrep.randomQuestion',
  exportNotes: 'djangoPrep.exportNotes',
  addSelectionToNotes: 'djangoPrep.addSelectionToNotes',
  exportBackup: 'djangoPrep.exportBackup',
  importBackup: 'djangoPrep.importBackup',
  startReview: 'djangoPrep.startReview',
  mockInterview: 'djangoPrep.mockInterview',
  showStatistics: 'djangoPrep.showStatistics',
  showLog: 'djangoPrep.showLog',
} as const;

export const VIEW_ID = 'djangoPrep.questions';
export const PAGE_VIEW_TYPE = 'djangoPrep.question';
/** Context key: 'ok', 'empty' (no questions) or 'broken' (the file could not be read). */
export const BANK_STATE_CONTEXT = 'djangoPrep.bankState';
