import { acceptsConnection, categoryOf } from './connection-rules';
import type { EditorGraph, GraphNodeInput } from './editor-graph';
import { handleInfosOf, handleLabel, type HandleInfo } from './node-handles';
import { displayNameOf, type Translate } from './node-summary';

/** A step offered in a list: its id, and the name the canvas shows (with its id when another step shares it). */
export interface StepChoice {
  id: string;
  name: string;
}

/** Steps by the names the canvas shows, sorted; steps that would read alike are told apart by their id. */
export function stepChoices(steps: readonly GraphNodeInput[], t: Translate): StepChoice[] {
  const named = steps.map((step) => ({ id: step.id, name: displayNameOf(step, t) }));
  const counts = new Map<string, number>();
  for (const { name } of named) counts.set(name, (counts.get(name) ?? 0) + 1);
  return named
    .map((choice) =>
      (counts.get(choice.name) ?? 0) > 1 ? { ...choice, name: `${choice.name} · ${choice.id}` } : choice,
    )
    .sort((a, b) => a.name.localeCompare(b.name, 'vi') || a.id.localeCompare(b.id));
}

/** One out handle of a step: how the canvas labels it, and the step it leads to (if any). */
export interface HandleConnection {
  handle: HandleInfo;
  label: string;
  target: string | undefined;
}

/** A step's out handles with where each leads, and the steps a connection from it may lead to. */
export function connectionChoices(
  graph: EditorGraph,
  nodeId: string,
  t: Translate,
): { handles: HandleConnection[]; targets: StepChoice[] } {
  const step = graph.nodes.find((candidate) => candidate.id === nodeId);
  if (!step) return { handles: [], targets: [] };
  const handles = handleInfosOf(step).map((handle) => ({
    handle,
    label: handleLabel(handle, t),
    target: graph.edges.find((edge) => edge.source === nodeId && edge.sourceHandle === handle.id)?.target,
  }));
  const reachable = graph.nodes.filter((candidate) =>
    acceptsConnection(graph, { source: nodeId, target: candidate.id }),
  );
  return { handles, targets: stepChoices(reachable, t) };
}

/** The campaign's send steps, for an "outcome of an earlier send" rule. */
export function sendStepChoices(steps: readonly GraphNodeInput[], t: Translate): StepChoice[] {
  return stepChoices(
    steps.filter((step) => categoryOf(step) === 'send'),
    t,
  );
}

/**
 * Why a step a connection leads to is not among the choices (an imported or pasted graph): it is gone, or it cannot
 * be connected to (a trigger, the step itself), with the name the canvas shows.
 */
export function unofferedTarget(
  graph: EditorGraph,
  targetId: string,
  t: Translate,
): { kind: 'missing' } | { kind: 'notAllowed'; name: string } {
  const step = graph.nodes.find((candidate) => candidate.id === targetId);
  return step ? { kind: 'notAllowed', name: displayNameOf(step, t) } : { kind: 'missing' };
}
