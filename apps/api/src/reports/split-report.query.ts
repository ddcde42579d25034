import type { EntityManager } from 'typeorm';
import { ENROLLMENTS_IN_SCOPE, enrollmentParams, scopeWindow, type ReportScope } from './report-scope';
import type { SplitReport } from './reports.schemas';
import { chiSquaredTest, tooEarlyToCall, wilsonInterval } from './split-statistics';

interface SplitNode {
  stepId: string;
  label: string | null;
  variants: Array<{ id: string; label: string | null; holdout: boolean }>;
}

interface GraphJson {
  nodes?: Array<{
    id: string;
    type: string;
    data?: { label?: string; variants?: Array<{ id: string; label?: string; holdout?: boolean }> };
  }>;
}

/** The split nodes of the scope's versions (all versions when none is asked), the newest version's wording first. */
async function splitNodes(manager: EntityManager, scope: ReportScope): Promise<Map<string, SplitNode>> {
  const versions: Array<{ graph: GraphJson }> = await manager.query(
    `SELECT graph FROM campaign_versions WHERE campaign_id = $1 AND ($2::int IS NULL OR version = $2)
     ORDER BY version DESC`,
    [scope.campaignId, scope.version],
  );
  const splits = new Map<string, SplitNode>();
  for (const { graph } of versions)
    for (const node of graph.nodes ?? []) {
      if (node.type !== 'branch.split') continue;
      const split = splits.get(node.id) ?? { stepId: node.id, label: node.data?.label ?? null, variants: [] };
      for (const variant of node.data?.variants ?? [])
        if (!split.variants.some((known) => known.id === variant.id))
          split.variants.push({
            id: variant.id,
            label: variant.label ?? null,
            holdout: variant.holdout ?? false,
          });
      splits.set(node.id, split);
    }
  return splits;
}

/**
 * Per A/B/n split: journeys per variant and those that converted after taking it (a `converted` step event later
 * on the same journey), with Wilson intervals and Pearson's chi-squared test across the variants.
 */
export async function splitReport(manager: EntityManager, scope: ReportScope): Promise<SplitReport> {
  const [nodes, rows] = await Promise.all([
    splitNodes(manager, scope),
    manager.query(
      `SELECT s.step_id, substr(s.outcome, length('variant:') + 1) AS variant_id, count(*) AS entered,
         count(*) FILTER (WHERE e.converted AND EXISTS (
           SELECT 1 FROM step_events c
           WHERE c.enrollment_id = s.enrollment_id AND c.seq > s.seq AND c.outcome = 'converted')) AS converted
       FROM enrollments e JOIN step_events s ON s.enrollment_id = e.id
       WHERE ${ENROLLMENTS_IN_SCOPE} AND s.outcome LIKE 'variant:%'
       GROUP BY 1, 2`,
      enrollmentParams(scope),
    ) as Promise<Array<{ step_id: string; variant_id: string; entered: string; converted: string }>>,
  ]);
  for (const row of rows) {
    const split = nodes.get(row.step_id) ?? { stepId: row.step_id, label: null, variants: [] };
    if (!split.variants.some((variant) => variant.id === row.variant_id))
      split.variants.push({ id: row.variant_id, label: null, holdout: false });
    nodes.set(row.step_id, split);
  }
  const counted = new Map(rows.map((row) => [`${row.step_id}\u0000${row.variant_id}`, row]));
  const splits = [...nodes.values()].map((split) => {
    const variants = split.variants.map((variant) => {
      const row = counted.get(`${split.stepId}\u0000${variant.id}`);
      const counts = { entered: Number(row?.entered ?? 0), converted: Number(row?.converted ?? 0) };
      return {
        variantId: variant.id,
        label: variant.label,
        holdout: variant.holdout,
        ...counts,
        conversionRate: counts.entered === 0 ? null : counts.converted / counts.entered,
        confidenceInterval: wilsonInterval(counts),
      };
    });
    const test = chiSquaredTest(variants);
    return {
      stepId: split.stepId,
      label: split.label,
      variants,
      test: test.state === 'tested' ? test : { ...test, significant: false },
      tooEarlyToCall: tooEarlyToCall(variants, test),
    };
  });
  return { campaignId: scope.campaignId, window: scopeWindow(scope), splits };
}
