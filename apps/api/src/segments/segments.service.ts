import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { RuleGroup } from '@loa/engine';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { problems } from '../http/problem';
import { checkSegmentRule } from './check-segment-rule';
import { compileRuleGroup } from './compile-rule-to-sql';
import { explainColumns, leafOutcomes } from './explain-rule-sql';
import { referencedSegments } from './segment-dependencies';
import { explainTree } from './segment-explanation';
import { SegmentRefreshQueue } from './segment-refresh.queue';
import { LIVE_CONTACT, loadWorkspaceRuleFacts, ruleSqlContext } from './segment-rule-context';
import type { SegmentView } from './segments.schemas';

interface SegmentRow {
  id: string;
  name: string;
  description: string;
  rule: RuleGroup;
  member_count: number;
  refreshed_at: Date | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

const SEGMENT_COLUMNS =
  'id, name, description, rule, member_count, refreshed_at, created_by, created_at, updated_at';
const CONTACT_SUMMARY = 'c.id, c.name, c.external_id AS "externalId", c.phone, c.email';

function viewOf(row: SegmentRow): SegmentView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    rule: row.rule,
    memberCount: row.member_count,
    refreshedAt: row.refreshed_at?.toISOString() ?? null,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Segments of a workspace: their rules, previews, members and why a contact is or is not one. */
@Injectable()
export class SegmentsService {
  constructor(
    private readonly db: DataSource,
    private readonly refresh: SegmentRefreshQueue,
  ) {}

  async list(workspaceId: string): Promise<SegmentView[]> {
    const rows = (await this.db.query(
      `SELECT ${SEGMENT_COLUMNS} FROM segments WHERE workspace_id = $1 ORDER BY created_at, id`,
      [workspaceId],
    )) as SegmentRow[];
    return rows.map(viewOf);
  }

  async get(workspaceId: string, id: string): Promise<SegmentView> {
    return viewOf(await this.row(this.db.manager, workspaceId, id));
  }

  async create(input: {
    principal: Principal;
    name: string;
    description: string;
    rule: RuleGroup;
  }): Promise<SegmentView> {
    const { workspaceId } = input.principal;
    const id = randomUUID();
    const row = await this.db.transaction(async (manager) => {
      await this.checkRule(manager, { workspaceId, segmentId: id, rule: input.rule });
      const [created] = (await manager.query(
        `INSERT INTO segments (id, workspace_id, name, description, rule, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${SEGMENT_COLUMNS}`,
        [
          id,
          workspaceId,
          input.name,
          input.description,
          JSON.stringify(input.rule),
          input.principal.kind === 'user' ? input.principal.userId : null,
        ],
      )) as SegmentRow[];
      return created as SegmentRow;
    });
    await this.refresh.requestSegment(workspaceId, id);
    return viewOf(row);
  }

  async update(input: {
    principal: Principal;
    id: string;
    name?: string;
    description?: string;
    rule?: RuleGroup;
  }): Promise<SegmentView> {
    const { workspaceId } = input.principal;
    const row = await this.db.transaction(async (manager) => {
      await this.lockWorkspaceSegments(manager, workspaceId);
      await this.row(manager, workspaceId, input.id);
      if (input.rule) await this.checkRule(manager, { workspaceId, segmentId: input.id, rule: input.rule });
      const [updated] = (await manager.query(
        `WITH updated AS (
           UPDATE segments SET name = COALESCE($3, name), description = COALESCE($4, description),
             rule = COALESCE($5::jsonb, rule), updated_at = now()
           WHERE id = $1 AND workspace_id = $2 RETURNING ${SEGMENT_COLUMNS}
         )
         SELECT * FROM updated`,
        [
          input.id,
          workspaceId,
          input.name ?? null,
          input.description ?? null,
          input.rule ? JSON.stringify(input.rule) : null,
        ],
      )) as SegmentRow[];
      return updated as SegmentRow;
    });
    if (input.rule) await this.refresh.requestSegment(workspaceId, input.id);
    return viewOf(row);
  }

  async delete(workspaceId: string, id: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      await this.lockWorkspaceSegments(manager, workspaceId);
      await this.row(manager, workspaceId, id);
      const others = (await manager.query(
        'SELECT id, name, rule FROM segments WHERE workspace_id = $1 AND id <> $2',
        [workspaceId, id],
      )) as Array<{ id: string; name: string; rule: RuleGroup }>;
      const dependents = others.filter((other) => referencedSegments(other.rule).includes(id));
      if (dependents.length > 0)
        throw problems.conflict(
          `Other segments refer to this one: ${dependents.map((other) => `“${other.name}”`).join(', ')}`,
          { referencedBy: dependents.map((other) => ({ id: other.id, name: other.name })) },
        );
      await manager.query('DELETE FROM segments WHERE id = $1 AND workspace_id = $2', [id, workspaceId]);
    });
  }

  /** How many live contacts a rule selects now, and a few of them. */
  async preview(input: { workspaceId: string; rule: RuleGroup; sampleSize: number }) {
    const { workspaceId, rule } = input;
    await this.checkRule(this.db.manager, { workspaceId, segmentId: randomUUID(), rule });
    const facts = await loadWorkspaceRuleFacts(this.db, workspaceId);
    const context = ruleSqlContext(facts, [workspaceId]);
    const where = `c.workspace_id = $1::uuid AND ${LIVE_CONTACT} AND ${compileRuleGroup(rule, context)}`;
    const [counted] = (await this.db.query(
      `SELECT count(*)::int AS count FROM contacts c WHERE ${where}`,
      context.params.values,
    )) as Array<{ count: number }>;
    const sample =
      input.sampleSize === 0
        ? []
        : ((await this.db.query(
            `SELECT ${CONTACT_SUMMARY} FROM contacts c WHERE ${where} ORDER BY c.created_at DESC, c.id LIMIT ${input.sampleSize}`,
            context.params.values,
          )) as unknown[]);
    return { count: counted?.count ?? 0, sample };
  }

  /** Members by contact id, `limit` at a time; `cursor` is the previous page's `nextCursor`. */
  async members(input: { workspaceId: string; id: string; limit: number; cursor?: string }) {
    await this.row(this.db.manager, input.workspaceId, input.id);
    const rows = (await this.db.query(
      `SELECT ${CONTACT_SUMMARY}, m.since FROM segment_memberships m JOIN contacts c ON c.id = m.contact_id
       WHERE m.segment_id = $1 AND m.workspace_id = $2 AND ($3::uuid IS NULL OR m.contact_id > $3::uuid)
       ORDER BY m.contact_id LIMIT $4`,
      [input.id, input.workspaceId, input.cursor ?? null, input.limit + 1],
    )) as Array<{ id: string; since: Date }>;
    const page = rows.slice(0, input.limit);
    return {
      items: page.map((row) => ({ ...row, since: row.since.toISOString() })),
      nextCursor: rows.length > input.limit ? (page[page.length - 1]?.id ?? null) : null,
    };
  }

  /**
   * Why a contact is or is not a member: each rule's outcome and the value it saw, computed by the same SQL that
   * decides membership (one expression per rule), so the two cannot disagree.
   */
  async explain(input: { workspaceId: string; id: string; contactId: string; now?: Date }) {
    const { workspaceId, contactId } = input;
    const segment = await this.row(this.db.manager, workspaceId, input.id);
    const facts = await loadWorkspaceRuleFacts(this.db, workspaceId);
    const context = ruleSqlContext(facts, [workspaceId, contactId, input.id], input.now);
    const [row] = (await this.db.query(
      `SELECT ${[
        `(${LIVE_CONTACT} AND ${compileRuleGroup(segment.rule, context)}) AS matches`,
        'EXISTS (SELECT 1 FROM segment_memberships m WHERE m.segment_id = $3::uuid AND m.contact_id = c.id) AS member',
        `CASE WHEN c.erased_at IS NOT NULL THEN 'erased' WHEN c.merged_into IS NOT NULL THEN 'merged' END AS excluded`,
        ...explainColumns(segment.rule, context),
      ].join(', ')}
       FROM contacts c WHERE c.workspace_id = $1::uuid AND c.id = $2::uuid`,
      context.params.values,
    )) as Array<Record<string, unknown>>;
    if (!row) throw problems.notFound('Contact');
    return {
      contactId,
      matches: row.matches === true,
      member: row.member === true,
      excluded: (row.excluded as 'erased' | 'merged' | null) ?? null,
      tree: explainTree(segment.rule, leafOutcomes(segment.rule, row)),
    };
  }

  private async row(manager: EntityManager, workspaceId: string, id: string): Promise<SegmentRow> {
    const [row] = (await manager.query(
      `SELECT ${SEGMENT_COLUMNS} FROM segments WHERE id = $1 AND workspace_id = $2`,
      [id, workspaceId],
    )) as SegmentRow[];
    if (!row) throw problems.notFound('Segment');
    return row;
  }

  /** Serialises segment writes of a workspace, so two edits can never close a cycle between them. */
  private async lockWorkspaceSegments(manager: EntityManager, workspaceId: string): Promise<void> {
    await manager.query('SELECT 1 FROM workspaces WHERE id = $1 FOR NO KEY UPDATE', [workspaceId]);
  }

  private async checkRule(
    manager: EntityManager,
    input: { workspaceId: string; segmentId: string; rule: RuleGroup },
  ): Promise<void> {
    await this.lockWorkspaceSegments(manager, input.workspaceId);
    const facts = await loadWorkspaceRuleFacts(manager, input.workspaceId);
    const segments = (await manager.query('SELECT id, name, rule FROM segments WHERE workspace_id = $1', [
      input.workspaceId,
    ])) as Array<{ id: string; name: string; rule: RuleGroup }>;
    const errors = checkSegmentRule({
      segmentId: input.segmentId,
      rule: input.rule,
      attributeTypes: facts.attributeTypes,
      segments: segments.filter((segment) => segment.id !== input.segmentId),
    });
    if (errors.length > 0) throw problems.validation(errors);
  }
}
