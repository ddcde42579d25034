import type { ErrorCount, NodeFigures } from './report-queries';

/** What a step's badges show on the report canvas. */
export interface StepOverlay {
  entered: number;
  waitingNow: number;
  succeeded: number;
  failed: number;
  topErrors: ErrorCount[];
}

const EMPTY: Omit<StepOverlay, 'topErrors'> = { entered: 0, waitingNow: 0, succeeded: 0, failed: 0 };

/**
 * The badges of each step of the canvas's graph: its figures from the node report, zeros for a step no journey
 * reached; figures of steps that the graph does not have (another version's) are left out.
 */
export function stepOverlays(stepIds: Iterable<string>, nodes: NodeFigures[]): Record<string, StepOverlay> {
  const byId = new Map(nodes.map((node) => [node.stepId, node]));
  const overlays: Record<string, StepOverlay> = {};
  for (const stepId of stepIds) {
    const node = byId.get(stepId);
    overlays[stepId] = node
      ? {
          entered: node.entered,
          waitingNow: node.waitingNow,
          succeeded: node.succeeded,
          failed: node.failed,
          topErrors: [...node.topErrors].sort((a, b) => b.count - a.count),
        }
      : { ...EMPTY, topErrors: [] };
  }
  return overlays;
}
