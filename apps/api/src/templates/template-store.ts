import type { Principal } from '../auth/principal';
import { problems } from '../http/problem';
import { liquidFieldErrors } from './liquid-field-errors';

/** The user who created a row; API keys leave it empty. */
export function creatorOf(principal: Principal): string | null {
  return principal.kind === 'user' ? principal.userId : null;
}

/** 422 naming each Liquid text that does not parse, before anything is stored. */
export function assertValidLiquid(fields: Record<string, string | null | undefined>): void {
  const errors = liquidFieldErrors(fields);
  if (errors.length > 0) throw problems.validation(errors);
}

/** A unique-name violation as a 409 naming `name`. */
export function nameTaken(what: string, name: string) {
  return (error: unknown): never => {
    if ((error as { code?: string }).code === '23505')
      throw problems.field('body', 'name', `another ${what} is already called "${name}"`, 409);
    throw error;
  };
}

/** `SET` clauses and values of an UPDATE from the fields that are present, after the row id as $1. */
export function updateSet(id: string, columns: Record<string, unknown>): { sql: string; values: unknown[] } {
  const values: unknown[] = [id];
  const changes: string[] = [];
  for (const [column, value] of Object.entries(columns)) {
    if (value === undefined) continue;
    values.push(value);
    changes.push(`${column} = $${values.length}`);
  }
  return { sql: changes.join(', '), values };
}
