import type { z } from 'zod';

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A NUL character or half of a surrogate pair: text PostgreSQL's `text` and `jsonb` refuse. */
function unstorable(text: string): boolean {
  return text.includes('\u0000') || UNPAIRED_SURROGATE.test(text);
}

export type JsonPath = (string | number)[];

interface Step {
  value: unknown;
  key?: string | number;
  parent?: Step;
}

function pathOf(step: Step | undefined): JsonPath {
  const path: JsonPath = [];
  for (let at = step; at?.key !== undefined; at = at.parent) path.unshift(at.key);
  return path;
}

/**
 * The path of the first string (a value or an object key) in a JSON value that PostgreSQL cannot store, or
 * undefined. Walks with its own stack, so however deep the value nests it cannot overflow the call stack.
 */
export function findUnstorableText(value: unknown): JsonPath | undefined {
  const stack: Step[] = [{ value }];
  for (let step = stack.pop(); step; step = stack.pop()) {
    const current = step.value;
    if (typeof current === 'string') {
      if (unstorable(current)) return pathOf(step);
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => stack.push({ value: item, key: index, parent: step }));
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        if (unstorable(key)) return [...pathOf(step), key];
        stack.push({ value: item, key, parent: step });
      }
    }
  }
  return undefined;
}

/** A zod refinement: an issue at the path of the first text PostgreSQL cannot store. */
export function requireStorableText(value: unknown, context: z.RefinementCtx): void {
  const path = findUnstorableText(value);
  if (path)
    context.addIssue({
      code: 'custom',
      path,
      message: 'contains a NUL character or an unpaired surrogate, which cannot be stored',
    });
}
