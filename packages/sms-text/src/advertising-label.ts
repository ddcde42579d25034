const LABEL_AT_START = /^\s*\[(QC|AD)\]/i;

/**
 * Decree 91/2020 (providers.md §6): an advertising SMS starts with `[QC]` or `[AD]`. A text that already starts with
 * either label (any case, after leading spaces) keeps it, upper-cased and moved to the very start; any other text
 * gets `[QC] ` in front. A label elsewhere in the text does not count.
 */
export function withAdvertisingLabel(text: string): string {
  const match = LABEL_AT_START.exec(text);
  if (!match) return `[QC] ${text.trimStart()}`;
  return `[${match[1].toUpperCase()}]${text.slice(match[0].length)}`;
}
