import type { DiagnosticSink } from './diagnostics';
import type { NodeInfo } from './graph-index';
import { field, isObject } from './json';
import { formatPath } from './paths';

/** A wait for an event needs a timeout, or contacts whose event never comes wait forever. */
export function checkWaits(nodes: readonly NodeInfo[], sink: DiagnosticSink): void {
  for (const node of nodes) {
    if (node.type !== 'wait.event' || !isObject(node.data) || field(node.data, 'timeout') !== undefined)
      continue;
    sink.add(
      'WAIT_EVENT_WITHOUT_TIMEOUT',
      `${node.name} waits for an event without a timeout: contacts would wait forever. Set how long to wait.`,
      { nodeId: node.id, path: formatPath([...node.path, 'data', 'timeout']) },
    );
  }
}

/**
 * A goal that ends the journey (exitOnGoal) with no filter takes every goal event first: a `wait.event` for the same
 * event never takes its matched branch, and a payment for another order ends this journey too.
 */
export function checkGoalShadowsWaits(
  nodes: readonly NodeInfo[],
  settings: unknown,
  sink: DiagnosticSink,
): void {
  const goal = isObject(settings) ? field(settings, 'goal') : undefined;
  if (!isObject(goal) || field(goal, 'exitOnGoal') === false || field(goal, 'filter') !== undefined) return;
  const event = field(goal, 'event');
  if (typeof event !== 'string') return;
  for (const node of nodes) {
    if (node.type !== 'wait.event' || !isObject(node.data) || field(node.data, 'event') !== event) continue;
    sink.add(
      'GOAL_SHADOWS_WAIT',
      `${node.name} waits for ${event}, but the campaign goal ends the journey on any ${event} first: this wait never takes its matched branch. Turn off "exit on goal", or give the goal a filter that leaves out the events this wait is for.`,
      { nodeId: node.id, path: formatPath([...node.path, 'data', 'event']), params: { event } },
    );
  }
}
