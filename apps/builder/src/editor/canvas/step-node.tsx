import type { NodeCategory } from '@loa/engine/browser';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { handleInfosOf, handleLabel } from '../graph/node-handles';
import { summaryOf } from '../graph/node-summary';
import { useEditor } from '../store/editor-context';
import { connectedHandlesOf } from './connected-handles';
import type { StepFlowNode } from './flow-elements';
import { Icon } from './icons';
import { useStepOverlay } from './step-overlay';

function ProblemBadge({ id }: { id: string }) {
  const { t } = useTranslation('editor');
  const errors = useEditor((state) => state.problemCounts.nodes[id]?.errors ?? 0);
  const warnings = useEditor((state) => state.problemCounts.nodes[id]?.warnings ?? 0);
  if (errors + warnings === 0) return null;
  return (
    <span
      className={`step__badge step__badge--${errors > 0 ? 'error' : 'warning'}`}
      title={t('problems.badge', { errors, warnings })}
      aria-label={t('problems.badge', { errors, warnings })}
      data-testid="step-problems"
    >
      {errors + warnings}
    </span>
  );
}

function StepNodeView({
  id,
  data,
  selected,
  category,
}: NodeProps<StepFlowNode> & { category: NodeCategory }) {
  const { t } = useTranslation('editor');
  const { step } = data;
  const readOnly = useEditor((state) => state.readOnly);
  const decoration = useEditor((state) => state.decorations[id]);
  const connected = useEditor((state) => connectedHandlesOf(state.graph.edges, id));
  const setPicker = useEditor((state) => state.setPicker);
  const overlay = useStepOverlay();
  const handles = useMemo(() => handleInfosOf(step), [step]);
  const summary = useMemo(() => summaryOf(step, (key, values) => t(key, values ?? {})), [step, t]);
  const title = t(`types.${step.type}`);
  const label = typeof step.data.label === 'string' ? step.data.label.trim() : '';
  const lonelyNext = handles.length === 1 && handles[0]?.id === 'next';
  const free = new Set(
    handles.map((handle) => handle.id).filter((handle) => !connected.split('\n').includes(handle)),
  );

  return (
    <div
      className={`step step--${category}${lonelyNext ? ' step--plain-out' : ''}${selected ? ' step--selected' : ''}${decoration ? ` step--${decoration}` : ''}`}
      data-testid="step"
      data-step-id={id}
      data-step-type={step.type}
    >
      {category !== 'trigger' && (
        <Handle type="target" position={Position.Top} id="in" className="step__in" />
      )}
      <div className="step__header">
        <span className="step__icon">
          <Icon name={category} size={14} />
        </span>
        <span className="step__type">{title}</span>
        <ProblemBadge id={id} />
      </div>
      {/* without a name of its own, the step reads as what it does */}
      <div className="step__label">{label || summary || title}</div>
      {label && summary && <div className="step__summary">{summary}</div>}
      {overlay?.(id)}
      {handles.length > 0 && (
        <div className="step__outs">
          {handles.map((handle, index) => {
            const left = `${((index + 1) / (handles.length + 1)) * 100}%`;
            const text = handleLabel(handle, (key, values) => t(key, values ?? {}));
            return (
              <div key={handle.id} className="step__out" style={{ left }}>
                {!lonelyNext && (
                  <span className={`step__out-label step__out-label--${handle.id}`}>{text}</span>
                )}
                <Handle type="source" position={Position.Bottom} id={handle.id} className="step__handle" />
                {!readOnly && free.has(handle.id) && (
                  <button
                    type="button"
                    className="step__add nodrag nopan"
                    aria-label={t('addMenu.addAfter', { handle: text })}
                    title={t('addMenu.addAfter', { handle: text })}
                    onClick={(event) => {
                      event.stopPropagation();
                      setPicker({ kind: 'handle', source: id, handle: handle.id });
                    }}
                  >
                    +
                  </button>
                )}
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}

const categoryNode = (category: NodeCategory) =>
  memo(function CategoryNode(props: NodeProps<StepFlowNode>) {
    return <StepNodeView {...props} category={category} />;
  });

export const TriggerNode = categoryNode('trigger');
export const WaitNode = categoryNode('wait');
export const BranchNode = categoryNode('branch');
export const SendNode = categoryNode('send');
export const ActionNode = categoryNode('action');
export const ExitNode = categoryNode('exit');
