import type { Diagnostic } from '@loa/engine/browser';
import type { z } from 'zod';

/** A message for one field: errors block publishing, warnings only inform. */
export interface FieldIssue {
  message: string;
  severity: 'error' | 'warning';
}

/** Issues by dotted path inside the edited object ("params.customer_name", "variants.1.weight"). */
export type IssuesByPath = ReadonlyMap<string, FieldIssue[]>;

export function pathKey(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join('.');
}

function add(map: Map<string, FieldIssue[]>, key: string, issue: FieldIssue): void {
  const list = map.get(key) ?? [];
  if (!list.some((known) => known.message === issue.message)) list.push(issue);
  map.set(key, list);
}

/**
 * The schema's own messages for the value, at the field they concern. A missing required value reads
 * `requiredMessage` rather than zod's "expected string, received undefined".
 */
export function schemaIssues(
  schema: z.ZodType,
  value: unknown,
  requiredMessage: string,
): Map<string, FieldIssue[]> {
  const map = new Map<string, FieldIssue[]>();
  const result = schema.safeParse(value);
  if (result.success) return map;
  for (const issue of result.error.issues) {
    const key = pathKey(issue.path);
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    // An empty text breaks its length and pattern rules at once: one "required" says it better.
    const empty = valueAt(value, issue.path) === '';
    if (empty) map.set(key, [{ message: requiredMessage, severity: 'error' }]);
    else add(map, key, { message: missing ? requiredMessage : issue.message, severity: 'error' });
  }
  return map;
}

function valueAt(value: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current = value;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

/**
 * The part of a diagnostic's path inside a node's data: "nodes[3].data.params.customer_name" -> "params.customer_name",
 * "settings.quietHours.end" -> "quietHours.end" (with prefix "settings"); undefined when it points elsewhere.
 */
export function pathInside(path: string | undefined, prefix: 'data' | 'settings'): string | undefined {
  if (path === undefined) return undefined;
  const normalised = path.replace(/\[(\d+)\]/g, '.$1').replace(/\["([^"]*)"\]/g, '.$1');
  const match =
    prefix === 'data'
      ? /^(?:nodes\.\d+\.)?data(?:\.(.*))?$/.exec(normalised)
      : /^settings(?:\.(.*))?$/.exec(normalised);
  if (!match) return undefined;
  return match[1] ?? '';
}

const SCHEMA_CODES: ReadonlySet<string> = new Set(['INVALID_CONFIG', 'SETTINGS_INVALID']);

/** Merges diagnostics into the issues map; those without a field inside the data go under "". */
export function withDiagnostics(
  issues: Map<string, FieldIssue[]>,
  diagnostics: readonly Diagnostic[],
  prefix: 'data' | 'settings',
): Map<string, FieldIssue[]> {
  const map = new Map(issues);
  for (const diagnostic of diagnostics) {
    const key = pathInside(diagnostic.path, prefix) ?? '';
    // The validator's schema findings repeat what the form's own check already says at that field.
    if (SCHEMA_CODES.has(diagnostic.code) && issues.has(key)) continue;
    add(map, key, { message: diagnostic.message, severity: diagnostic.severity });
  }
  return map;
}

/** The messages at exactly this path. */
export function issuesAt(issues: IssuesByPath, path: string): FieldIssue[] {
  return issues.get(path) ?? [];
}
