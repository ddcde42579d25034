import { checkAccounts } from './check-accounts';
import { checkConditions } from './check-conditions';
import { checkContactFieldReferences } from './check-contact-fields';
import { checkCycles } from './check-cycles';
import { checkEdges } from './check-edges';
import { checkLiquid } from './check-liquid';
import { checkNodes } from './check-nodes';
import { checkReachability } from './check-reachability';
import { checkSchedules } from './check-schedules';
import { checkSettings } from './check-settings';
import { checkSplits } from './check-splits';
import { checkStructure } from './check-structure';
import { checkTemplates } from './check-templates';
import { checkTriggers } from './check-triggers';
import { checkWaits } from './check-waits';
import { ContactFields } from './contact-fields';
import { DiagnosticSink, type Diagnostic, type ValidationContext } from './diagnostics';
import type { NodeInfo } from './graph-index';
import { isObject } from './json';
import { buildTopology } from './topology';

/**
 * Checks a campaign graph as the builder holds it (any JSON) and says, for a marketer, what is wrong (DESIGN §4).
 * Pure and linear in the size of the graph; never throws. No errors means campaignGraphSchema accepts the graph.
 */
export function validateGraph(graph: unknown, context?: ValidationContext): Diagnostic[] {
  const sink = new DiagnosticSink();
  try {
    run(graph, isObject(context) ? context : {}, sink);
  } catch {
    sink.add(
      'VALIDATION_INCOMPLETE',
      'Loa could not finish checking this campaign; fix the problems listed and check again.',
    );
  }
  return sink.items;
}

function run(graph: unknown, context: ValidationContext, sink: DiagnosticSink): void {
  const parts = checkStructure(graph, sink);
  if (parts === undefined) return;
  checkSettings(parts.settings, sink);

  const nodes = checkNodes(parts.nodes, sink);
  const byId = new Map<string, NodeInfo>();
  for (const node of nodes) if (node.primary && node.id !== undefined) byId.set(node.id, node);
  const triggers = checkTriggers(nodes, sink);
  const links = checkEdges(parts.edges, byId, sink);

  const topology = buildTopology(nodes, links);
  checkReachability(topology, triggers, sink);
  checkCycles(topology, sink);

  checkSplits(nodes, sink);
  checkWaits(nodes, sink);
  checkSchedules(nodes, sink);
  checkConditions(nodes, byId, sink);

  const contactFields = Array.isArray(context.contactFields)
    ? new ContactFields(context.contactFields)
    : undefined;
  checkLiquid(nodes, contactFields, sink);
  if (contactFields !== undefined) checkContactFieldReferences(nodes, contactFields, sink);
  if (isObject(context.znsTemplates)) checkTemplates(nodes, context.znsTemplates, sink);
  if (isObject(context.accounts)) checkAccounts(nodes, context.accounts, sink);
}
