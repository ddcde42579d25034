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
import { checkGoalShadowsWaits, checkWaits } from './check-waits';
import { checkEventNames, checkSegments } from './check-workspace-references';
import { ContactFields } from './contact-fields';
import {
  GRAPH_SCHEMA_VERSION,
  type CampaignGraph,
  type GraphEdge,
  type GraphNode,
  type GraphNote,
} from '../graph/graph.schema';
import { campaignSettingsSchema } from '../graph/settings.schema';
import { DiagnosticSink, hasErrors, type Diagnostic, type ValidationContext } from './diagnostics';
import type { NodeInfo } from './graph-index';
import { field, isObject } from './json';
import { buildTopology } from './topology';

/**
 * Checks a campaign graph as the builder holds it (any JSON) and says, for a marketer, what is wrong (DESIGN §4).
 * Pure and linear in the size of the graph; never throws. No errors means campaignGraphSchema accepts the graph.
 */
export function validateGraph(graph: unknown, context?: ValidationContext): Diagnostic[] {
  return inspectGraph(graph, context).diagnostics;
}

export interface GraphInspection {
  diagnostics: Diagnostic[];
  /** The graph as campaignGraphSchema parses it (defaults filled), when it has no errors. */
  graph?: CampaignGraph;
}

/** validateGraph, plus the parsed graph when it is valid, so that compiling does not parse it a second time. */
export function inspectGraph(graph: unknown, context?: ValidationContext): GraphInspection {
  const sink = new DiagnosticSink();
  let parsed: CampaignGraph | undefined;
  try {
    parsed = run(graph, isObject(context) ? context : {}, sink);
  } catch {
    sink.add(
      'VALIDATION_INCOMPLETE',
      'Loa could not finish checking this campaign; fix the problems listed and check again.',
    );
  }
  return hasErrors(sink.items) ? { diagnostics: sink.items } : { diagnostics: sink.items, graph: parsed };
}

function run(graph: unknown, context: ValidationContext, sink: DiagnosticSink): CampaignGraph | undefined {
  const parts = checkStructure(graph, sink);
  if (parts === undefined) return undefined;
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
  checkGoalShadowsWaits(nodes, parts.settings, sink);
  checkSchedules(nodes, sink);
  checkConditions(nodes, byId, sink);

  const contactFields = Array.isArray(context.contactFields)
    ? new ContactFields(context.contactFields)
    : undefined;
  checkLiquid(nodes, contactFields, sink);
  if (contactFields !== undefined) checkContactFieldReferences(nodes, contactFields, sink);
  if (isObject(context.znsTemplates)) checkTemplates(nodes, context.znsTemplates, sink);
  if (isObject(context.accounts)) {
    // Runs as cohorts (batches): a scheduled or date-triggered broadcast without an enrollment limit (a limit is kept
    // by entering contacts one journey each).
    const broadcast =
      triggers.some((node) => node.type === 'trigger.schedule' || node.type === 'trigger.date') &&
      field(parts.settings, 'enrollmentLimit') === undefined;
    checkAccounts(nodes, context.accounts, sink, broadcast);
  }
  if (Array.isArray(context.segmentIds)) checkSegments(nodes, new Set(context.segmentIds), sink);
  if (Array.isArray(context.eventNames))
    checkEventNames(nodes, parts.settings, new Set(context.eventNames), sink);
  return hasErrors(sink.items) ? undefined : assembleGraph(nodes, parts.edges, parts.settings, parts.notes);
}

/** The parsed graph from what the checks already parsed; only called when there are no errors. */
function assembleGraph(
  nodes: NodeInfo[],
  edges: readonly unknown[],
  settings: unknown,
  notes: GraphNote[],
): CampaignGraph {
  return {
    schemaVersion: GRAPH_SCHEMA_VERSION,
    nodes: nodes.map((node) => {
      const { x, y } = node.raw.position as { x: number; y: number };
      return { id: node.id, type: node.type, position: { x, y }, data: node.config } as GraphNode;
    }),
    edges: edges.map((edge) => {
      const { id, source, sourceHandle, target } = edge as GraphEdge;
      return { id, source, sourceHandle, target };
    }),
    settings: campaignSettingsSchema.parse(settings ?? {}),
    notes,
  };
}
