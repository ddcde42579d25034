import type { EntityManager } from 'typeorm';
import type { AttributeTypes, RuleSqlContext } from './compile-rule-to-sql';
import { SqlParams } from './sql-params';

/** What compiling a workspace's rules needs to know: its timezone and declared attribute types. */
export interface WorkspaceRuleFacts {
  timezone: string;
  attributeTypes: AttributeTypes;
}

type Queryable = Pick<EntityManager, 'query'>;

export async function loadWorkspaceRuleFacts(
  db: Queryable,
  workspaceId: string,
): Promise<WorkspaceRuleFacts> {
  const [workspace] = (await db.query('SELECT timezone FROM workspaces WHERE id = $1', [
    workspaceId,
  ])) as Array<{
    timezone: string;
  }>;
  const definitions = (await db.query('SELECT key, type FROM attribute_definitions WHERE workspace_id = $1', [
    workspaceId,
  ])) as Array<{ key: string; type: string }>;
  return {
    timezone: workspace?.timezone ?? 'Asia/Ho_Chi_Minh',
    attributeTypes: new Map(definitions.map((definition) => [definition.key, definition.type])),
  };
}

/**
 * A compile context whose parameters start with `initial`; the reference moment is `now` when given (tests,
 * explanations at a moment), else the database's `now()`.
 */
export function ruleSqlContext(
  facts: WorkspaceRuleFacts,
  initial: readonly unknown[],
  now?: Date,
): RuleSqlContext {
  const params = new SqlParams(initial);
  // Placeholders are added on first use: PostgreSQL refuses a parameter that no expression uses.
  let nowSql: string | undefined;
  let timezoneSql: string | undefined;
  return {
    params,
    attributeTypes: facts.attributeTypes,
    get timezone() {
      return (timezoneSql ??= params.add(facts.timezone, 'text'));
    },
    get now() {
      return (nowSql ??= now === undefined ? 'now()' : params.add(now.toISOString(), 'timestamptz'));
    },
  };
}

/** Contacts that count: neither erased nor merged into another. */
export const LIVE_CONTACT = 'c.erased_at IS NULL AND c.merged_into IS NULL';
