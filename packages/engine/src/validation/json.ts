/** Safe reading of untrusted JSON: never trips over prototypes, getters or odd shapes. */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** The own property `key` of `value` when `value` is an object, else undefined. */
export function field(value: unknown, key: string): unknown {
  return isObject(value) && hasOwn(value, key) ? value[key] : undefined;
}

/** The own entries of an object, in insertion order. */
export function entriesOf(value: unknown): Array<[string, unknown]> {
  return isObject(value) ? Object.entries(value) : [];
}

/** The value at a path of keys and indexes, or undefined. */
export function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment];
    else if (typeof segment === 'string') current = field(current, segment);
    else return undefined;
  }
  return current;
}

/** What idSchema accepts (node, edge and variant ids), without zod's overhead: it runs for every node and edge. */
export function isValidId(value: unknown): value is string {
  return (
    typeof value === 'string' && value.length >= 1 && value.length <= 64 && /^[A-Za-z0-9_-]+$/.test(value)
  );
}
