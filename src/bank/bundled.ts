import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

/** The bank that ships with the extension, relative to the extension's root. */
export const BUNDLED_BANK_FILE = 'questions/django-interview-questions.md';
/** Storage key prefix for the bundled bank: never change it, progress and notes hang on it. */
export const BUNDLED_BANK_ID = 'django';

/** Storage key prefix for a bank from a file of the user's: its own, so ids never mix with the bundled bank's. */
export function bankIdForFile(file: string): string {
  return `file-${createHash('sha256').update(resolve(file)).digest('hex').slice(0, 16)}`;
}
