import type { EntityManager } from 'typeorm';
import { problems } from '../http/problem';
import type {
  EnrollmentView,
  ListContactJourneysQuery,
  ListEnrollmentsQuery,
  StepEventView,
} from './enrollment.schemas';

export interface EnrollmentRow {
  id: string;
  contact_id: string;
  version_id: string;
  version: number | null;
  workflow_id: string;
  cohort_workflow_id: string | null;
  status: 'active' | 'exited';
  current_step: string | null;
  exit_reason: string | null;
  converted: boolean;
  entered_at: Date;
  updated_at: Date;
  exited_at: Date | null;
  entered_cursor: string;
}

interface StepEventRow {
  enrollment_id: string;
  seq: number;
  step_id: string;
  outcome: string;
  at: Date;
  detail: string | null;
}

const COLUMNS = `e.id, e.contact_id, e.version_id, v.version, e.workflow_id, e.cohort_workflow_id, e.status, e.current_step, e.exit_reason,
  e.converted, e.entered_at, e.updated_at, e.exited_at, e.entered_at::text AS entered_cursor`;
// version_id is the plan's versionId, which is campaign_versions.id (text here: the engine's id type).
const FROM = `FROM enrollments e LEFT JOIN campaign_versions v ON v.id::text = e.version_id`;

export function toEnrollmentView(row: EnrollmentRow): EnrollmentView {
  return {
    id: row.id,
    contactId: row.contact_id,
    versionId: row.version_id,
    version: row.version,
    status: row.status,
    currentStep: row.current_step,
    exitReason: row.exit_reason,
    converted: row.converted,
    enteredAt: row.entered_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    exitedAt: row.exited_at?.toISOString() ?? null,
    ...executionOf(row),
  };
}

function executionOf(row: EnrollmentRow): Pick<EnrollmentView, 'execution' | 'cohortWorkflowId'> {
  return row.cohort_workflow_id === null
    ? { execution: 'contact' }
    : { execution: 'cohort', cohortWorkflowId: row.cohort_workflow_id };
}

/** A campaign's enrollments, newest entry first, filtered; keyset-paged on (entered_at, id). */
export async function listEnrollments(
  manager: EntityManager,
  workspaceId: string,
  campaignId: string,
  query: ListEnrollmentsQuery,
): Promise<{ items: EnrollmentView[]; nextCursor: string | null }> {
  const where = ['e.workspace_id = $1', 'e.campaign_id = $2'];
  const values: unknown[] = [workspaceId, campaignId];
  const add = (sql: (n: number) => string, value: unknown) => {
    values.push(value);
    where.push(sql(values.length));
  };
  if (query.status) add((n) => `e.status = $${n}`, query.status);
  if (query.version !== undefined) add((n) => `v.version = $${n}`, query.version);
  if (query.step) add((n) => `e.current_step = $${n}`, query.step);
  if (query.exitReason) add((n) => `e.exit_reason = $${n}`, query.exitReason);
  if (query.failedAt)
    add(
      (n) =>
        `EXISTS (SELECT 1 FROM step_events s WHERE s.enrollment_id = e.id AND s.step_id = $${n}
           AND s.outcome IN ('failed', 'blocked'))`,
      query.failedAt,
    );
  if (query.cursor) {
    const cursor = decodeEnrollmentCursor(query.cursor);
    values.push(cursor.enteredAt, cursor.id);
    where.push(`(e.entered_at, e.id) < ($${values.length - 1}::timestamptz, $${values.length}::uuid)`);
  }
  values.push(query.limit + 1);
  const rows: EnrollmentRow[] = await manager.query(
    `SELECT ${COLUMNS} ${FROM} WHERE ${where.join(' AND ')}
     ORDER BY e.entered_at DESC, e.id DESC LIMIT $${values.length}`,
    values,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toEnrollmentView),
    nextCursor: rows.length > query.limit && last ? encodeEnrollmentCursor(last) : null,
  };
}

/** A contact's enrollments in every campaign, newest entry first, with the campaign's name; keyset-paged. */
export async function listContactJourneys(
  manager: EntityManager,
  workspaceId: string,
  contactId: string,
  query: ListContactJourneysQuery,
) {
  const where = ['e.workspace_id = $1', 'e.contact_id = $2'];
  const values: unknown[] = [workspaceId, contactId];
  if (query.status) {
    values.push(query.status);
    where.push(`e.status = $${values.length}`);
  }
  if (query.cursor) {
    const cursor = decodeEnrollmentCursor(query.cursor);
    values.push(cursor.enteredAt, cursor.id);
    where.push(`(e.entered_at, e.id) < ($${values.length - 1}::timestamptz, $${values.length}::uuid)`);
  }
  values.push(query.limit + 1);
  const rows: Array<EnrollmentRow & { campaign_id: string; campaign_name: string }> = await manager.query(
    `SELECT ${COLUMNS}, e.campaign_id, c.name AS campaign_name ${FROM}
       JOIN campaigns c ON c.id = e.campaign_id AND c.workspace_id = e.workspace_id
     WHERE ${where.join(' AND ')}
     ORDER BY e.entered_at DESC, e.id DESC LIMIT $${values.length}`,
    values,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const paths = await recordedPaths(
    manager,
    page.map((row) => row.id),
  );
  return {
    items: page.map((row) => ({
      ...toEnrollmentView(row),
      campaignId: row.campaign_id,
      campaignName: row.campaign_name,
      path: paths.get(row.id) ?? [],
    })),
    nextCursor: rows.length > query.limit && last ? encodeEnrollmentCursor(last) : null,
  };
}

/** One contact's enrollments in a campaign, newest first, each with its recorded path. */
export async function contactEnrollments(
  manager: EntityManager,
  workspaceId: string,
  campaignId: string,
  contactId: string,
) {
  const rows: EnrollmentRow[] = await manager.query(
    `SELECT ${COLUMNS} ${FROM} WHERE e.workspace_id = $1 AND e.campaign_id = $2 AND e.contact_id = $3
     ORDER BY e.entered_at DESC, e.id DESC`,
    [workspaceId, campaignId, contactId],
  );
  const paths = await recordedPaths(
    manager,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ row, path: paths.get(row.id) ?? [] }));
}

/** The recorded step events of each enrollment, oldest first. */
async function recordedPaths(manager: EntityManager, enrollmentIds: string[]) {
  const events: StepEventRow[] =
    enrollmentIds.length === 0
      ? []
      : await manager.query(
          `SELECT enrollment_id, seq, step_id, outcome, at, detail FROM step_events
           WHERE enrollment_id = ANY ($1::uuid[]) ORDER BY enrollment_id, seq`,
          [enrollmentIds],
        );
  const paths = new Map<string, StepEventView[]>();
  for (const event of events) {
    const path = paths.get(event.enrollment_id) ?? [];
    path.push({
      seq: event.seq,
      stepId: event.step_id,
      outcome: event.outcome,
      at: event.at.toISOString(),
      detail: event.detail,
    });
    paths.set(event.enrollment_id, path);
  }
  return paths;
}

/**
 * A page of the workflow ids of a campaign's active journeys that run on their own (not in a cohort) after
 * `afterId` (keyset on id, for signalling).
 */
export async function activeWorkflowPage(
  manager: EntityManager,
  workspaceId: string,
  campaignId: string,
  afterId: string | null,
  limit: number,
): Promise<Array<{ id: string; workflow_id: string }>> {
  return manager.query(
    `SELECT id, workflow_id FROM enrollments
     WHERE workspace_id = $1 AND campaign_id = $2 AND status = 'active' AND ($3::uuid IS NULL OR id > $3::uuid)
       AND cohort_workflow_id IS NULL
     ORDER BY id LIMIT $4`,
    [workspaceId, campaignId, afterId, limit],
  );
}

/** A page of the workflow ids of the cohorts with an active member in the campaign, each once, after `afterId`. */
export async function activeCohortPage(
  manager: EntityManager,
  workspaceId: string,
  campaignId: string,
  afterId: string | null,
  limit: number,
): Promise<string[]> {
  const rows: Array<{ cohort_workflow_id: string }> = await manager.query(
    `SELECT DISTINCT cohort_workflow_id FROM enrollments
     WHERE workspace_id = $1 AND campaign_id = $2 AND status = 'active' AND cohort_workflow_id IS NOT NULL
       AND ($3::text IS NULL OR cohort_workflow_id > $3::text)
     ORDER BY cohort_workflow_id LIMIT $4`,
    [workspaceId, campaignId, afterId, limit],
  );
  return rows.map((row) => row.cohort_workflow_id);
}

function encodeEnrollmentCursor(row: EnrollmentRow): string {
  // The database's own text of the time: microseconds survive, so no row falls between two pages.
  return Buffer.from(JSON.stringify([row.entered_cursor, row.id])).toString('base64url');
}

function decodeEnrollmentCursor(cursor: string): { enteredAt: string; id: string } {
  try {
    const [enteredAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof enteredAt === 'string' &&
      !Number.isNaN(Date.parse(enteredAt)) &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/i.test(id)
    )
      return { enteredAt, id };
  } catch {
    // answered below
  }
  throw problems.field('query', 'cursor', 'is not a cursor this list gave');
}
