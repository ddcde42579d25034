import type { EntityManager } from 'typeorm';
import {
  ENROLLMENTS_IN_SCOPE,
  STEP_COUNTS_IN_SCOPE,
  enrollmentParams,
  onWholeHours,
  scopeWindow,
  type ReportScope,
} from './report-scope';
import { failedMessageCodes } from './failed-message-codes.query';
import type { NodeReport } from './reports.schemas';
import { isGraphStep, outcomeKind, VISIT_ENDING_OUTCOMES } from './step-outcomes';

const TOP_ERRORS = 5;

/**
 * Step events per step and outcome: from the maintained counters (campaign_step_counts, by the hour the journey
 * entered) when the window is on whole hours; otherwise from the events themselves.
 */
function stepOutcomeCounts(
  manager: EntityManager,
  scope: ReportScope,
): Promise<Array<{ step_id: string; outcome: string; count: string }>> {
  if (onWholeHours(scope))
    return manager.query(
      `SELECT step_id, outcome, sum(count) AS count FROM campaign_step_counts
       WHERE ${STEP_COUNTS_IN_SCOPE}
       GROUP BY step_id, outcome`,
      enrollmentParams(scope),
    );
  return manager.query(
    `SELECT s.step_id, s.outcome, count(*) AS count
     FROM enrollments e JOIN step_events s ON s.enrollment_id = e.id
     WHERE ${ENROLLMENTS_IN_SCOPE}
     GROUP BY s.step_id, s.outcome`,
    enrollmentParams(scope),
  );
}

type NodeFigures = NodeReport['nodes'][number];

/** Every step of the plans of the versions in scope, so that a step nobody reached reads zero; parameters $1..$3. */
function plannedStepIds(manager: EntityManager, scope: ReportScope): Promise<Array<{ step_id: string }>> {
  return manager.query(
    `SELECT DISTINCT step_id FROM campaign_versions v, jsonb_object_keys(v.plan -> 'steps') AS step_id
     WHERE v.workspace_id = $1 AND v.campaign_id = $2 AND ($3::text IS NULL OR v.id::text = $3)`,
    enrollmentParams(scope).slice(0, 3),
  );
}

/**
 * Per step of the versions in scope, and of any step events in it, from the step events: visits ended by success, failure or the journey's exit there; waiting now
 * (journeys in progress whose latest event is at the step and does not end the visit); entered, their sum; and
 * from the ledger, its failed messages' most frequent error codes.
 */
export async function nodeReport(manager: EntityManager, scope: ReportScope): Promise<NodeReport> {
  const params = enrollmentParams(scope);
  const [planned, outcomes, waiting, errors] = await Promise.all([
    plannedStepIds(manager, scope),
    stepOutcomeCounts(manager, scope),
    manager.query(
      `SELECT s.step_id, count(*) AS count
       FROM enrollments e JOIN step_events s ON s.enrollment_id = e.id AND s.seq = e.logged - 1
       WHERE ${ENROLLMENTS_IN_SCOPE} AND e.status = 'active'
         AND NOT (s.outcome = ANY($6) OR s.outcome LIKE 'variant:%' OR s.outcome LIKE 'exit:%')
       GROUP BY s.step_id`,
      [...params, VISIT_ENDING_OUTCOMES],
    ) as Promise<Array<{ step_id: string; count: string }>>,
    failedMessageCodes(manager, scope, 'step'),
  ]);
  const nodes = new Map<string, NodeFigures>();
  const node = (stepId: string): NodeFigures => {
    let figures = nodes.get(stepId);
    if (!figures) {
      figures = {
        stepId,
        entered: 0,
        waitingNow: 0,
        succeeded: 0,
        failed: 0,
        exited: 0,
        outcomes: {},
        topErrors: [],
      };
      nodes.set(stepId, figures);
    }
    return figures;
  };
  for (const { step_id } of planned) if (isGraphStep(step_id)) node(step_id);
  for (const row of outcomes) {
    if (!isGraphStep(row.step_id)) continue;
    const figures = node(row.step_id);
    const count = Number(row.count);
    figures.outcomes[row.outcome] = count;
    const kind = outcomeKind(row.outcome);
    if (kind !== 'other') figures[kind] += count;
  }
  for (const row of waiting) if (isGraphStep(row.step_id)) node(row.step_id).waitingNow = Number(row.count);
  for (const figures of nodes.values())
    figures.entered = figures.succeeded + figures.failed + figures.exited + figures.waitingNow;
  for (const error of errors) {
    if (error.key === null) continue;
    const { topErrors } = node(error.key);
    const same = topErrors.find((known) => known.code === error.code);
    if (same) same.count += error.count;
    else topErrors.push({ code: error.code, count: error.count, meaning: error.meaning });
  }
  for (const figures of nodes.values()) {
    figures.topErrors.sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
    figures.topErrors.splice(TOP_ERRORS);
  }
  return {
    campaignId: scope.campaignId,
    window: scopeWindow(scope),
    nodes: [...nodes.values()].sort((a, b) => a.stepId.localeCompare(b.stepId)),
  };
}
