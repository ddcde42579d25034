import type { NodeType } from '@loa/engine/browser';
import { useReactFlow } from '@xyflow/react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STEP_SIZE_ESTIMATE } from '../canvas/flow-elements';
import { useEditor, useEditorStore } from '../store/editor-context';
import { focusStepWhenDrawn } from './focus-step';
import { StepTypeList } from './step-type-list';

/** The dialog the "+" on a handle or a connection opens: choose the step to add there. */
export function StepPicker() {
  const { t } = useTranslation('editor');
  const picker = useEditor((state) => state.picker);
  const setPicker = useEditor((state) => state.setPicker);
  const addNodeAfter = useEditor((state) => state.addNodeAfter);
  const insertOnEdge = useEditor((state) => state.insertOnEdge);
  const [query, setQuery] = useState('');
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const stopFocusing = useRef<() => void>(undefined);
  const store = useEditorStore();
  const flow = useReactFlow();

  const revealStep = (stepId: string) => {
    const node = store.getState().graph.nodes.find((candidate) => candidate.id === stepId);
    const canvas = document.querySelector('.react-flow')?.getBoundingClientRect();
    if (!node || !canvas) return;
    const { width, height } = store.getState().measured[stepId] ?? STEP_SIZE_ESTIMATE;
    const topLeft = flow.flowToScreenPosition(node.position);
    const bottomRight = flow.flowToScreenPosition({
      x: node.position.x + width,
      y: node.position.y + height,
    });
    const inView =
      topLeft.x >= canvas.left &&
      topLeft.y >= canvas.top &&
      bottomRight.x <= canvas.right &&
      bottomRight.y <= canvas.bottom;
    if (!inView)
      void flow.setCenter(node.position.x + width / 2, node.position.y + height / 2, {
        zoom: flow.getZoom(),
      });
  };

  useEffect(() => () => stopFocusing.current?.(), []);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (picker && !element.open) {
      setQuery('');
      element.showModal();
    }
    if (!picker && element.open) element.close();
  }, [picker]);

  const pick = (type: NodeType) => {
    const added =
      picker?.kind === 'handle'
        ? addNodeAfter(picker.source, picker.handle, type)
        : picker?.kind === 'edge'
          ? insertOnEdge(picker.edgeId, type)
          : undefined;
    setPicker(undefined);
    // keyboard users carry on from the new step, not from the "+" that is now gone; the canvas draws only the
    // steps in view, so one added beyond its edge is brought into view first
    stopFocusing.current?.();
    if (!added) return;
    revealStep(added);
    stopFocusing.current = focusStepWhenDrawn(added);
  };

  return (
    <dialog
      ref={dialog}
      className="dialog step-picker"
      aria-labelledby={titleId}
      onClose={() => setPicker(undefined)}
    >
      <div className="dialog__header">
        <h2 id={titleId}>{picker?.kind === 'edge' ? t('addMenu.insert') : t('addMenu.title')}</h2>
        <button type="button" className="button button--quiet" onClick={() => setPicker(undefined)}>
          {t('addMenu.close')}
        </button>
      </div>
      <input
        type="search"
        className="palette__search"
        aria-label={t('palette.search')}
        placeholder={t('palette.searchPlaceholder')}
        value={query}
        autoFocus
        onChange={(event) => setQuery(event.target.value)}
      />
      {picker && <StepTypeList query={query} onPick={pick} draggable={false} withTriggers={false} />}
    </dialog>
  );
}
