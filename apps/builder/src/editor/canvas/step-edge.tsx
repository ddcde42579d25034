import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { displayNameOf } from '../graph/node-summary';
import { stepById } from '../graph/step-index';
import { useEditor } from '../store/editor-context';
import type { FlowEdge } from './flow-elements';

/** A connection (decorated like the steps, e.g. `path`), with a "+" in its middle that inserts a step there, and its problems as a badge. */
export const StepEdge = memo(function StepEdge(props: EdgeProps<FlowEdge>) {
  const {
    id,
    source,
    target,
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
    selected,
    markerEnd,
  } = props;
  const { t } = useTranslation('editor');
  const sourceStep = useEditor((state) => stepById(state.graph.nodes, source));
  const targetStep = useEditor((state) => stepById(state.graph.nodes, target));
  const insertLabel = useMemo(() => {
    const translate = (key: string, values?: Record<string, unknown>) => t(key, values ?? {});
    const nameOf = (step: typeof sourceStep) => (step ? displayNameOf(step, translate) : '');
    return t('addMenu.insertBetween', { from: nameOf(sourceStep), to: nameOf(targetStep) });
  }, [sourceStep, targetStep, t]);
  const readOnly = useEditor((state) => state.readOnly);
  const decoration = useEditor((state) => state.decorations[id]);
  const errors = useEditor((state) => state.problemCounts.edges[id]?.errors ?? 0);
  const warnings = useEditor((state) => state.problemCounts.edges[id]?.warnings ?? 0);
  const setPicker = useEditor((state) => state.setPicker);
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
    borderRadius: 12,
  });
  const problem = errors > 0 ? 'error' : warnings > 0 ? 'warning' : undefined;

  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={`flow-edge${selected ? ' flow-edge--selected' : ''}${problem ? ` flow-edge--${problem}` : ''}${decoration ? ` flow-edge--${decoration}` : ''}`}
      />
      <EdgeLabelRenderer>
        <div
          className="flow-edge__tools nodrag nopan"
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
        >
          {problem && (
            <span
              className={`step__badge step__badge--${problem}`}
              title={t('problems.badge', { errors, warnings })}
              data-testid="edge-problems"
            >
              {errors + warnings}
            </span>
          )}
          {!readOnly && (
            <button
              type="button"
              className="flow-edge__add"
              aria-label={insertLabel}
              title={insertLabel}
              onClick={() => setPicker({ kind: 'edge', edgeId: id })}
            >
              +
            </button>
          )}
        </div>
      </EdgeLabelRenderer>
    </>
  );
});
