/** Small readers for untyped JSON, form and query values. */
export type JsonRecord = Record<string, unknown>;

export function asRecord(value: unknown): JsonRecord | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonRecord)
    : undefined;
}

export function stringField(record: JsonRecord | undefined, key: string): string | undefined {
  const value = record?.[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Length in characters of the NFC form, which is how Zalo measures params and texts (providers.md §4). */
export function nfcLength(value: string): number {
  return [...value.normalize('NFC')].length;
}
