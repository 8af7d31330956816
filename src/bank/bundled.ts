// The bank that ships with the extension. Pure: no 'vscode', no Node module.

/** The bank that ships with the extension, relative to the extension's root. */
export const BUNDLED_BANK_FILE = 'questions/django-interview-questions.md';
/** Storage key prefix for the bundled bank: never change it, progress and notes hang on it. */
export const BUNDLED_BANK_ID = 'django';
