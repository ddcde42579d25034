import { Injectable, Logger } from '@nestjs/common';
import { SegmentMembershipChanges } from './segment-membership-changes';
import type { RuleGroup } from '@loa/engine';
import { DataSource, type EntityManager } from 'typeorm';
import { compileRuleGroup } from './compile-rule-to-sql';
import {
  refreshOrder,
  timeDependentSegments,
  withDependents,
  type SegmentRuleRow,
} from './segment-dependencies';
import {
  LIVE_CONTACT,
  loadWorkspaceRuleFacts,
  ruleSqlContext,
  type WorkspaceRuleFacts,
} from './segment-rule-context';

export interface RefreshResult {
  segmentId: string;
  entered: number;
  left: number;
}

/**
 * Keeps `segment_memberships` equal to what each segment's rule selects, as set operations in SQL: contacts that
 * match and are not members enter, members that no longer match leave, and each change is logged in
 * `segment_membership_changes`. A segment refreshes after the segments it refers to.
 */
@Injectable()
export class SegmentMembership {
  private readonly logger = new Logger(SegmentMembership.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly membershipChanges: SegmentMembershipChanges,
  ) {}

  /** Re-evaluates every member and every live contact of `segmentId`, then of the segments that depend on it. */
  async refreshSegment(input: {
    workspaceId: string;
    segmentId: string;
    now?: Date;
  }): Promise<RefreshResult[]> {
    const segments = await this.segmentsOf(input.workspaceId);
    return this.refreshInOrder(input, withDependents(input.segmentId, segments), undefined);
  }

  /** Re-evaluates these contacts against every segment of the workspace. */
  async refreshContacts(input: {
    workspaceId: string;
    contactIds: string[];
    now?: Date;
  }): Promise<RefreshResult[]> {
    if (input.contactIds.length === 0) return [];
    const segments = await this.segmentsOf(input.workspaceId);
    return this.refreshInOrder(input, refreshOrder(segments), input.contactIds);
  }

  /** Fully refreshes the segments whose membership can change with time alone, in every workspace. */
  async refreshTimeDependent(input: { now?: Date } = {}): Promise<RefreshResult[]> {
    const rows = (await this.dataSource.query(
      'SELECT id, workspace_id AS "workspaceId", rule FROM segments ORDER BY workspace_id',
    )) as Array<SegmentRuleRow & { workspaceId: string }>;
    const results: RefreshResult[] = [];
    for (const workspaceId of new Set(rows.map((row) => row.workspaceId))) {
      const segments = rows.filter((row) => row.workspaceId === workspaceId);
      const due = timeDependentSegments(segments);
      const order = refreshOrder(segments).filter((id) => due.has(id));
      results.push(...(await this.refreshInOrder({ workspaceId, now: input.now }, order, undefined)));
    }
    return results;
  }

  private async refreshInOrder(
    input: { workspaceId: string; now?: Date },
    segmentIds: readonly string[],
    contactIds: string[] | undefined,
  ): Promise<RefreshResult[]> {
    const facts = await loadWorkspaceRuleFacts(this.dataSource, input.workspaceId);
    const results: RefreshResult[] = [];
    for (const segmentId of segmentIds) {
      const result = await this.dataSource.transaction((manager) =>
        this.refreshOne(manager, { ...input, segmentId, contactIds, facts }),
      );
      if (result) results.push(result);
    }
    const changed = results.filter((result) => result.entered + result.left > 0);
    if (changed.length > 0) this.logger.debug({ workspaceId: input.workspaceId, changed });
    await this.membershipChanges.entered({
      workspaceId: input.workspaceId,
      segmentIds: results.filter((result) => result.entered > 0).map((result) => result.segmentId),
    });
    return results;
  }

  private async refreshOne(
    manager: EntityManager,
    input: {
      workspaceId: string;
      segmentId: string;
      contactIds: string[] | undefined;
      facts: WorkspaceRuleFacts;
      now?: Date;
    },
  ): Promise<RefreshResult | undefined> {
    const { workspaceId, segmentId, contactIds } = input;
    // The row lock serialises refreshes of one segment, so member_count moves by exact deltas.
    const [segment] = (await manager.query(
      'SELECT rule FROM segments WHERE id = $1 AND workspace_id = $2 FOR UPDATE',
      [segmentId, workspaceId],
    )) as Array<{ rule: RuleGroup }>;
    if (!segment) return undefined;
    const full = contactIds === undefined;
    const context = ruleSqlContext(
      input.facts,
      full ? [workspaceId, segmentId] : [workspaceId, segmentId, contactIds],
      input.now,
    );
    const matches = compileRuleGroup(segment.rule, context);
    const onlyThese = full ? '' : 'AND c.id = ANY($3::uuid[])';
    const membersOfThese = full ? '' : 'AND m.contact_id = ANY($3::uuid[])';
    const [row] = (await manager.query(
      `WITH matching AS (
         SELECT c.id FROM contacts c
         WHERE c.workspace_id = $1::uuid AND ${LIVE_CONTACT} ${onlyThese} AND ${matches}
       ),
       entered AS (
         INSERT INTO segment_memberships (segment_id, contact_id, workspace_id)
         SELECT $2::uuid, matching.id, $1::uuid FROM matching
         ON CONFLICT DO NOTHING
         RETURNING contact_id
       ),
       gone AS (
         DELETE FROM segment_memberships m
         WHERE m.segment_id = $2::uuid ${membersOfThese}
           AND NOT EXISTS (SELECT 1 FROM matching WHERE matching.id = m.contact_id)
         RETURNING m.contact_id
       ),
       logged AS (
         INSERT INTO segment_membership_changes (workspace_id, segment_id, contact_id, change)
         SELECT $1::uuid, $2::uuid, contact_id, 'entered' FROM entered
         UNION ALL
         SELECT $1::uuid, $2::uuid, contact_id, 'left' FROM gone
       ),
       counts AS (SELECT (SELECT count(*) FROM entered) AS entered, (SELECT count(*) FROM gone) AS gone),
       updated AS (
         UPDATE segments s
         SET member_count = s.member_count + counts.entered - counts.gone
           ${full ? ', refreshed_at = now()' : ''}
         FROM counts
         WHERE s.id = $2::uuid
         RETURNING counts.entered::int AS entered, counts.gone::int AS "left"
       )
       SELECT entered, "left" FROM updated`,
      context.params.values,
    )) as Array<{ entered: number; left: number }>;
    return { segmentId, entered: row?.entered ?? 0, left: row?.left ?? 0 };
  }

  private async segmentsOf(workspaceId: string): Promise<SegmentRuleRow[]> {
    return (await this.dataSource.query('SELECT id, rule FROM segments WHERE workspace_id = $1', [
      workspaceId,
    ])) as SegmentRuleRow[];
  }
}
