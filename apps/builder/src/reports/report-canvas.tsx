import { useCallback, useMemo } from 'react';
import type { DiffGraph } from '../editor/versions/graph-diff';
import { VersionCanvas } from '../editor/versions/version-canvas';
import { stepOverlays } from './node-overlays';
import type { NodeFigures } from './report-queries';
import { StepFigures } from './step-figures';

const NO_DECORATIONS: Record<string, string> = {};

/** A published version's read-only canvas with each step's figures drawn on it. */
export function ReportCanvas({ graph, nodes }: { graph: DiffGraph; nodes: NodeFigures[] }) {
  const overlays = useMemo(
    () =>
      stepOverlays(
        graph.nodes.map((node) => node.id),
        nodes,
      ),
    [graph, nodes],
  );
  const render = useCallback(
    (stepId: string) => {
      const overlay = overlays[stepId];
      return overlay ? <StepFigures overlay={overlay} /> : null;
    },
    [overlays],
  );
  return (
    <div className="report-canvas">
      <VersionCanvas graph={graph} decorations={NO_DECORATIONS} renderStepOverlay={render} />
    </div>
  );
}
