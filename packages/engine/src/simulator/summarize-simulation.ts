import { EXIT_REASONS, exitOutcome } from '../journey/journey-vocabulary';
import type { CampaignGraph } from '../graph/graph.schema';
import type { NodeCount, SimulatedContact, SimulationTotals } from './simulation-result.types';

const SUCCEEDED = new Set(['sent', 'success']);
const FAILED = new Set(['failed', 'blocked', 'failure']);
const STEP_LIMIT_EXIT = exitOutcome(EXIT_REASONS.stepLimit);

/**
 * Per node of the graph: how many contacts entered it, succeeded or failed there (sends, webhooks; a blocked send
 * takes the failure handle), wait there.
 */
export function countNodes(graph: CampaignGraph, contacts: SimulatedContact[]): Record<string, NodeCount> {
  const counts: Record<string, NodeCount> = Object.fromEntries(
    graph.nodes.map((node) => [node.id, { entered: 0, succeeded: 0, failed: 0 }]),
  );
  for (const contact of contacts) {
    for (const step of contact.path) {
      const count = counts[step.stepId];
      // The step limit is recorded at the step the journey would have entered next: it did not enter it.
      if (!count || step.outcome === STEP_LIMIT_EXIT) continue;
      count.entered += 1;
      if (SUCCEEDED.has(step.outcome)) count.succeeded += 1;
      if (FAILED.has(step.outcome)) count.failed += 1;
      if (step.outcome === 'waiting') count.waiting = (count.waiting ?? 0) + 1;
    }
  }
  return counts;
}

export function totalsOf(contacts: SimulatedContact[]): SimulationTotals {
  const totals: SimulationTotals = {
    entered: 0,
    notEntered: 0,
    converted: 0,
    waiting: 0,
    exited: {},
    messages: 0,
    costVnd: 0,
  };
  for (const contact of contacts) {
    if (!contact.entered) {
      totals.notEntered += 1;
      continue;
    }
    totals.entered += 1;
    if (contact.converted) totals.converted += 1;
    if (contact.exitReason === null) totals.waiting += 1;
    else totals.exited[contact.exitReason] = (totals.exited[contact.exitReason] ?? 0) + 1;
    totals.messages += contact.messages.length;
    totals.costVnd += contact.costVnd;
  }
  return totals;
}
