import { NodeResizer, type NodeProps } from '@xyflow/react';
import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../store/editor-context';
import type { NoteFlowNode } from './flow-elements';

/** A sticky note: free text for people reading the campaign; never connected, never part of the plan. */
export const NoteNode = memo(function NoteNode({ id, data, selected }: NodeProps<NoteFlowNode>) {
  const { t } = useTranslation('editor');
  const readOnly = useEditor((state) => state.readOnly);
  const updateNote = useEditor((state) => state.updateNote);
  const { note } = data;
  const [text, setText] = useState(note.text);
  useEffect(() => setText(note.text), [note.text]);

  return (
    <div
      className={`note note--${note.color ?? 'yellow'}${selected ? ' note--selected' : ''}`}
      style={{ width: note.width ?? 220, height: note.height ?? 120 }}
      data-testid="note"
    >
      {!readOnly && (
        <NodeResizer
          isVisible={selected}
          minWidth={120}
          minHeight={60}
          onResizeEnd={(_event, size) =>
            updateNote(id, {
              width: Math.round(size.width),
              height: Math.round(size.height),
              position: { x: Math.round(size.x), y: Math.round(size.y) },
            })
          }
        />
      )}
      <textarea
        className="note__text nodrag nowheel"
        aria-label={t('note.label')}
        placeholder={t('note.placeholder')}
        value={text}
        maxLength={2000}
        readOnly={readOnly}
        onChange={(event) => {
          setText(event.target.value);
          updateNote(id, { text: event.target.value });
        }}
      />
    </div>
  );
});
