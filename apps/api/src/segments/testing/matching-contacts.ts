import type { RuleGroup } from '@loa/engine';
import type { DataSource } from 'typeorm';
import { compileRuleGroup } from '../compile-rule-to-sql';
import { LIVE_CONTACT, loadWorkspaceRuleFacts, ruleSqlContext } from '../segment-rule-context';

/** Ids of the workspace's live contacts the compiled rule selects, sorted. */
export async function matchingContacts(
  db: DataSource,
  input: { workspaceId: string; rule: RuleGroup; now?: Date },
): Promise<string[]> {
  const facts = await loadWorkspaceRuleFacts(db, input.workspaceId);
  const context = ruleSqlContext(facts, [input.workspaceId], input.now);
  const where = compileRuleGroup(input.rule, context);
  const rows = (await db.query(
    `SELECT c.id FROM contacts c WHERE c.workspace_id = $1::uuid AND ${LIVE_CONTACT} AND ${where} ORDER BY c.id`,
    context.params.values,
  )) as Array<{ id: string }>;
  return rows.map((row) => row.id);
}
