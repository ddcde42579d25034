import type { Diagnostic } from '@loa/engine/browser';
import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor, useEditorStore } from '../store/editor-context';
import { useDiagnosticMessage } from './use-diagnostic-message';

/** Errors and warnings of the campaign; choosing one selects the step it concerns and brings it into view. */
export function ProblemsPanel() {
  const { t } = useTranslation('editor');
  const store = useEditorStore();
  const flow = useReactFlow();
  const problems = useEditor((state) => state.problems);
  const messageOf = useDiagnosticMessage();
  const [open, setOpen] = useState(true);
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;

  const focus = (problem: Diagnostic) => {
    const { graph, measured } = store.getState();
    const edge = problem.edgeId
      ? graph.edges.find((candidate) => candidate.id === problem.edgeId)
      : undefined;
    const nodeId = problem.nodeId ?? edge?.source;
    const node = graph.nodes.find((candidate) => candidate.id === nodeId);
    if (!node) return;
    store.getState().setSelection({ nodes: [node.id], edges: edge ? [edge.id] : [], notes: [] });
    const size = measured[node.id] ?? { width: 260, height: 100 };
    void flow.setCenter(node.position.x + size.width / 2, node.position.y + size.height / 2, {
      zoom: Math.max(flow.getZoom(), 0.9),
      duration: 400,
    });
  };

  return (
    <section
      className={`problems${open ? ' problems--open' : ''}`}
      aria-label={t('problems.title')}
      data-testid="problems"
    >
      <button type="button" className="problems__toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className="problems__title">{t('problems.title')}</span>
        <span className={`problems__count${errors > 0 ? ' problems__count--error' : ''}`}>
          {t('problems.errors', { count: errors })}
        </span>
        <span className={`problems__count${warnings > 0 ? ' problems__count--warning' : ''}`}>
          {t('problems.warnings', { count: warnings })}
        </span>
      </button>
      {open &&
        (problems.length === 0 ? (
          <p className="problems__none">{t('problems.none')}</p>
        ) : (
          <ul className="problems__list">
            {problems.map((problem, index) => (
              <li key={`${problem.code}-${problem.nodeId ?? ''}-${problem.path ?? ''}-${index}`}>
                <button
                  type="button"
                  className={`problems__item problems__item--${problem.severity}`}
                  onClick={() => focus(problem)}
                  disabled={!problem.nodeId && !problem.edgeId}
                >
                  <span className="problems__severity">{t(`problems.${problem.severity}`)}</span>
                  <span className="problems__message">{messageOf(problem)}</span>
                </button>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
