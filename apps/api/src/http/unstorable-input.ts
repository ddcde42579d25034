import type { FieldError, FieldLocation } from './problem';

/** Deeper JSON than this is refused: nobody needs it, and serialising it can overflow the stack. */
export const MAX_INPUT_DEPTH = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Strings PostgreSQL refuses (a NUL character; in JSON a lone UTF-16 surrogate) and nesting too deep to serialise,
 * as field errors naming each place, so such input is a 422 instead of a failing query.
 */
export function unstorableInputErrors(value: unknown, location: FieldLocation): FieldError[] {
  const errors: FieldError[] = [];
  const visit = (node: unknown, path: string[], depth: number): void => {
    const field = path.length > 0 ? path.join('.') : location;
    if (typeof node === 'string') {
      const problem = stringProblem(node);
      if (problem) errors.push({ in: location, field, message: problem });
      return;
    }
    if (node === null || typeof node !== 'object') return;
    if (depth > MAX_INPUT_DEPTH) {
      errors.push({ in: location, field, message: `nests deeper than ${MAX_INPUT_DEPTH} levels` });
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, [...path, String(index)], depth + 1));
      return;
    }
    if (Object.getPrototypeOf(node) !== Object.prototype && Object.getPrototypeOf(node) !== null) return;
    for (const [key, item] of Object.entries(node)) {
      const keyProblem = stringProblem(key);
      if (keyProblem)
        errors.push({ in: location, field: [...path, key].join('.'), message: `name ${keyProblem}` });
      else visit(item, [...path, key], depth + 1);
    }
  };
  visit(value, [], 0);
  return errors;
}

function stringProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain the NUL character';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode (it has a lone surrogate)';
  return undefined;
}
