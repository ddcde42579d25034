import type { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { returnedRows } from '../database/returned-rows';
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

/** A kind of stored template: its table, the columns its views read, and how answers name it. */
export interface TemplateTable {
  table: string;
  columns: string;
  /** In a 409: `another ${what} is already called …`. */
  what: string;
  /** In a 404: `${notFound} not found`. */
  notFound: string;
}

/**
 * Changes the fields present (undefined ones are left) on a workspace's template and answers the row; a change of
 * content raises its version. 404 when the workspace has no such template, 409 when another one has the name.
 */
export async function updateTemplateRow<Row>(
  db: DataSource,
  kind: TemplateTable,
  target: { workspaceId: string; id: string },
  change: { fields: Record<string, unknown>; contentChanged: boolean },
): Promise<Row> {
  const { sql, values } = updateSet(target.id, change.fields);
  values.push(target.workspaceId);
  const version = change.contentChanged ? ', version = version + 1' : '';
  const result: unknown = await db
    .query(
      `UPDATE ${kind.table} SET ${sql}${version}, updated_at = now()
        WHERE id = $1 AND workspace_id = $${values.length} RETURNING ${kind.columns}`,
      values,
    )
    .catch(nameTaken(kind.what, String(change.fields['name'] ?? '')));
  const [row] = returnedRows<Row>(result);
  if (!row) throw problems.notFound(kind.notFound);
  return row;
}

/** Deletes a workspace's template; 404 when it has no such template. */
export async function deleteTemplateRow(
  db: DataSource,
  kind: TemplateTable,
  target: { workspaceId: string; id: string },
): Promise<void> {
  const deleted = returnedRows(
    await db.query(`DELETE FROM ${kind.table} WHERE id = $1 AND workspace_id = $2 RETURNING id`, [
      target.id,
      target.workspaceId,
    ]),
  );
  if (deleted.length === 0) throw problems.notFound(kind.notFound);
}

/** A workspace's templates of one kind, by name. */
export async function listTemplateRows<Row>(
  db: DataSource,
  kind: TemplateTable,
  workspaceId: string,
): Promise<Row[]> {
  return (await db.query(
    `SELECT ${kind.columns} FROM ${kind.table} WHERE workspace_id = $1 ORDER BY name, id`,
    [workspaceId],
  )) as Row[];
}

/** One of a workspace's templates; 404 when it has no such template. */
export async function templateRow<Row>(
  db: DataSource,
  kind: TemplateTable,
  target: { workspaceId: string; id: string },
): Promise<Row> {
  const [row] = (await db.query(
    `SELECT ${kind.columns} FROM ${kind.table} WHERE id = $1 AND workspace_id = $2`,
    [target.id, target.workspaceId],
  )) as Row[];
  if (!row) throw problems.notFound(kind.notFound);
  return row;
}
