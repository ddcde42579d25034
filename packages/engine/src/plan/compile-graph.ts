import { parseCampaignGraph } from '../graph/graph.schema';
import { hasErrors, type Diagnostic, type ValidationContext } from '../validation/diagnostics';
import { validateGraph } from '../validation/validate-graph';
import { buildPlan, type PlanIdentity } from './build-plan';
import type { Plan } from './plan.types';

export type CompileResult =
  { ok: true; plan: Plan; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Validates a graph as the builder or a file holds it (any JSON) and, when it has no errors, compiles it into a
 * plan. Warnings travel with the plan; errors are returned as values, never thrown.
 */
export function compileGraph(
  graph: unknown,
  identity: PlanIdentity,
  context?: ValidationContext,
): CompileResult {
  const diagnostics = validateGraph(graph, context);
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  return { ok: true, plan: buildPlan(parseCampaignGraph(graph), identity), diagnostics };
}
