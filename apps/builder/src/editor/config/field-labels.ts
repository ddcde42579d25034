import type { TFunction } from 'i18next';

/** "entryKey" -> "Entry key", "timeout_seconds" -> "Timeout seconds": for fields the dictionary does not name. */
export function humanise(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function fieldLabel(t: TFunction, name: string): string {
  return t(`fields.${name}`, { defaultValue: humanise(name) });
}

export function optionLabel(t: TFunction, value: string): string {
  // GET, POST…: codes in capitals read best as they are.
  return t(`options.${value}`, { defaultValue: /^[A-Z0-9_]+$/.test(value) ? value : humanise(value) });
}

export function joinPath(path: string, name: string | number): string {
  return path === '' ? String(name) : `${path}.${name}`;
}
