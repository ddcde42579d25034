import { stringify } from 'safe-stable-stringify';

/** JSON with object keys sorted at every depth: equal values give byte-equal text. */
export function canonicalJson(value: unknown): string {
  return stringify(value) ?? 'null';
}
