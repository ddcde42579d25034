import type { Comparison } from '../graph/common.schema';
import { readPath } from './read-path';

/** Evaluates one comparison against plain data. Numbers compare as numbers, everything else as text. */
export function compare(comparison: Comparison, source: unknown): boolean {
  const actual = readPath(source, comparison.field);
  const expected = comparison.value;
  switch (comparison.operator) {
    case 'exists':
      return actual !== undefined && actual !== null;
    case 'not_exists':
      return actual === undefined || actual === null;
    case 'equals':
      return looselyEqual(actual, expected);
    case 'not_equals':
      return !looselyEqual(actual, expected);
    case 'contains':
      return contains(actual, expected);
    case 'not_contains':
      return !contains(actual, expected);
    case 'starts_with':
      return typeof actual === 'string' && typeof expected === 'string' && actual.startsWith(expected);
    case 'greater_than':
      return ordered(actual, expected, (a, b) => a > b);
    case 'greater_or_equal':
      return ordered(actual, expected, (a, b) => a >= b);
    case 'less_than':
      return ordered(actual, expected, (a, b) => a < b);
    case 'less_or_equal':
      return ordered(actual, expected, (a, b) => a <= b);
    case 'in':
      return Array.isArray(expected) && expected.some((candidate) => looselyEqual(actual, candidate));
    case 'not_in':
      return Array.isArray(expected) && !expected.some((candidate) => looselyEqual(actual, candidate));
  }
}

function looselyEqual(actual: unknown, expected: unknown): boolean {
  if (actual === expected) return true;
  if (typeof actual === 'number' || typeof expected === 'number') {
    const [a, b] = [toNumber(actual), toNumber(expected)];
    return a !== undefined && a === b;
  }
  if (typeof actual === 'string' && typeof expected === 'string')
    return actual.normalize('NFC') === expected.normalize('NFC');
  return false;
}

function contains(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(actual)) return actual.some((item) => looselyEqual(item, expected));
  if (typeof actual === 'string' && typeof expected === 'string') {
    return actual
      .normalize('NFC')
      .toLocaleLowerCase('vi')
      .includes(expected.normalize('NFC').toLocaleLowerCase('vi'));
  }
  return false;
}

function ordered(
  actual: unknown,
  expected: unknown,
  test: (a: number | string, b: number | string) => boolean,
): boolean {
  const [a, b] = [toNumber(actual), toNumber(expected)];
  if (a !== undefined && b !== undefined) return test(a, b);
  if (typeof actual === 'string' && typeof expected === 'string') return test(actual, expected);
  return false;
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}
