/** What a contact's journey drew through its campaign version's graph: the steps in order, the edges taken. Pure. */

export interface PathEvent {
  stepId: string;
  outcome: string;
  at: string;
}

interface PathGraph {
  nodes: Array<{ id: string; type: string }>;
  edges: Array<{ id: string; source: string; sourceHandle: string; target: string }>;
}

/** One stay at a step: its recorded outcomes in order (a wait records `waiting`, then `elapsed`). */
export interface StepVisit {
  stepId: string;
  /** 1 for the first step the journey passed. */
  order: number;
  outcomes: string[];
  at: string;
}

export interface JourneyPath {
  visits: StepVisit[];
  /** Where the running journey stands now; null once it has left. */
  currentStepId: string | null;
  /** The graph's edges the journey went along. */
  edgeIds: string[];
  /** Canvas decorations: `path` on steps and edges passed, `current` where it stands, `unreached` on the rest. */
  decorations: Record<string, string>;
}

/** The handle a step's outcome leaves by (the engine's vocabulary: `sent` leaves by success, a variant by its id). */
function handleOf(outcome: string): string {
  if (outcome === 'sent') return 'success';
  if (outcome === 'failed' || outcome === 'blocked') return 'failure';
  if (outcome.startsWith('variant:')) return outcome.slice('variant:'.length);
  return outcome;
}

/**
 * The trigger is no step of the journey (its entry is recorded at the step after it), yet the contact came through
 * it: a path that starts by entering at that step starts at the trigger. The entry step keeps its own outcomes.
 */
function throughTrigger(graph: PathGraph, events: PathEvent[]): PathEvent[] {
  const trigger = graph.nodes.find((node) => node.type.startsWith('trigger.'));
  const entry =
    trigger && graph.edges.find((edge) => edge.source === trigger.id && edge.sourceHandle === 'next');
  const [first, second] = events;
  if (!trigger || !entry || first?.stepId !== entry.target || first.outcome !== 'entered') return events;
  const keepsOwn = second?.stepId === first.stepId;
  return [{ ...first, stepId: trigger.id }, ...(keepsOwn ? events.slice(1) : events)];
}

function visitsOf(events: PathEvent[]): StepVisit[] {
  const visits: StepVisit[] = [];
  for (const event of events) {
    const last = visits.at(-1);
    if (last?.stepId === event.stepId) last.outcomes.push(event.outcome);
    else
      visits.push({
        stepId: event.stepId,
        order: visits.length + 1,
        outcomes: [event.outcome],
        at: event.at,
      });
  }
  return visits;
}

/** The edge from one visit to the next: the one leaving by the outcome's handle when several join the two steps. */
function edgeBetween(graph: PathGraph, from: StepVisit, to: StepVisit): string | undefined {
  const candidates = graph.edges.filter((edge) => edge.source === from.stepId && edge.target === to.stepId);
  const handle = handleOf(from.outcomes.at(-1) ?? '');
  return (candidates.find((edge) => edge.sourceHandle === handle) ?? candidates[0])?.id;
}

export function journeyPath(
  graph: PathGraph,
  journey: { status: 'active' | 'exited'; currentStep: string | null; path: PathEvent[] },
): JourneyPath {
  const visits = visitsOf(throughTrigger(graph, journey.path));
  const edgeIds = new Set<string>();
  for (const [index, to] of visits.entries()) {
    const from = visits[index - 1];
    const edge = from && edgeBetween(graph, from, to);
    if (edge) edgeIds.add(edge);
  }
  const currentStepId =
    journey.status === 'active' ? (journey.currentStep ?? visits.at(-1)?.stepId ?? null) : null;
  const passed = new Set(visits.map((visit) => visit.stepId));
  const decorations: Record<string, string> = {};
  for (const node of graph.nodes) decorations[node.id] = passed.has(node.id) ? 'path' : 'unreached';
  for (const edge of graph.edges) decorations[edge.id] = edgeIds.has(edge.id) ? 'path' : 'unreached';
  if (currentStepId && currentStepId in decorations) decorations[currentStepId] = 'current';
  return { visits, currentStepId, edgeIds: [...edgeIds], decorations };
}
