import type { Diagnostic, ValidationContext } from '../validation/diagnostics';
import { inspectGraph } from '../validation/validate-graph';
import { buildPlan, type PlanHashing, type PlanIdentity } from './build-plan';
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
  hashing?: PlanHashing,
): CompileResult {
  const { diagnostics, graph: parsed } = inspectGraph(graph, context);
  if (!parsed) return { ok: false, diagnostics };
  return { ok: true, plan: buildPlan(parsed, identity, hashing), diagnostics };
}
