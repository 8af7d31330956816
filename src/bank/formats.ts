// Which reader a bank file takes, from its name (kept apart from the readers, which the activation
// bundle does not carry). Pure.

/** Tables of cards: CSV, and TSV (an Anki plain-text export is a .txt). */
export type TableFormat = 'csv' | 'tsv';

/** The table format of a bank file, from its name; undefined for Markdown (every other name). */
export function tableFormatOf(file: string): TableFormat | undefined {
  const ext = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
  return ext === 'csv' ? 'csv' : ext === 'tsv' || ext === 'txt' ? 'tsv' : undefined;
}
