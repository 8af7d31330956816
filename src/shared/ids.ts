// Every name VS Code knows the extension's parts by, one place, matching package.json's
// contributes (test/unit/names.test.ts): commands, the view, webview types, context keys, status items.
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
  setInterviewDate: 'djangoPrep.setInterviewDate',
  clearInterviewDate: 'djangoPrep.clearInterviewDate',
  undoRating: 'djangoPrep.undoRating',
  addToStudySet: 'djangoPrep.addToStudySet',
  deleteStudySet: 'djangoPrep.deleteStudySet',
  exportToAnki: 'djangoPrep.exportToAnki',
  exportReviewLog: 'djangoPrep.exportReviewLog',
  checkAnswer: 'djangoPrep.checkAnswer',
} as const;

/** The chat participant, @interviewer (chat/interviewer.ts). */
export const CHAT_PARTICIPANT = 'djangoPrep.interviewer';

/** The sidebar's tree view. */
export const VIEW_ID = 'djangoPrep.questions';

/** The webview panels' types (package.json's onWebviewPanel activation events name the revivable ones). */
export const VIEW_TYPES = {
  question: 'djangoPrep.question',
  mock: 'djangoPrep.mock',
  report: 'djangoPrep.report',
} as const;

/** Context keys, for package.json's when clauses and the walkthrough's completion events. */
export const CONTEXT_KEYS = {
  /** 'ok', 'empty' (no questions) or 'broken' (the file could not be read). */
  bankState: 'djangoPrep.bankState',
  /** A question page was opened (the walkthrough's step). */
  openedQuestion: 'djangoPrep.openedQuestion',
  /** A question was ticked (the walkthrough's step). */
  ticked: 'djangoPrep.ticked',
  /** Why the bank has no question: 'links' (a list of links) or 'none'; '' when it has some. */
  emptyBank: 'djangoPrep.emptyBank',
} as const;

/** Status bar items' ids (the learner can hide each by its name). */
export const STATUS_ITEMS = {
  progress: 'djangoPrep.progress',
  unsaved: 'djangoPrep.unsaved',
  plan: 'djangoPrep.plan',
} as const;
