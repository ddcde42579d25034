import type { z } from 'zod';

export interface ConfigIssue {
  /** Dotted path of the offending field, e.g. `auth.pass`; empty for the object itself. */
  field: string;
  message: string;
}

export type ParsedConfig<T> = { ok: true; config: T } | { ok: false; issues: ConfigIssue[] };

/**
 * Parses an account configuration with its schema and names each offending field, so the builder's forms and the
 * API's 4xx answers can point at it. Messages never echo the submitted values (they may be secrets).
 */
export function parseAccountConfig<S extends z.ZodType>(
  schema: S,
  input: unknown,
): ParsedConfig<z.output<S>> {
  const result = schema.safeParse(input, { reportInput: false });
  if (result.success) return { ok: true, config: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => {
      const field = issue.path.map(String).join('.');
      return { field, message: field ? `${field}: ${issue.message}` : issue.message };
    }),
  };
}
