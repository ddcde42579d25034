import { useTranslation } from 'react-i18next';
import { useEditor, useUndoAvailability } from '../store/editor-context';
import { Icon, type IconName } from './icons';
import type { EditorActions } from './use-editor-actions';

/** Every shortcut as a button too, so that the mouse and touch can do what the keyboard does. */
export function EditorToolbar({
  actions,
  boxSelect,
  onToggleBoxSelect,
  onShowShortcuts,
}: {
  actions: EditorActions;
  boxSelect: boolean;
  onToggleBoxSelect: () => void;
  onShowShortcuts: () => void;
}) {
  const { t } = useTranslation('editor');
  const readOnly = useEditor((state) => state.readOnly);
  const hasSelection = useEditor((state) => state.selection.nodes.length + state.selection.notes.length > 0);
  const hasAnySelection = useEditor(
    (state) => state.selection.nodes.length + state.selection.notes.length + state.selection.edges.length > 0,
  );
  const { canUndo, canRedo } = useUndoAvailability();

  const button = (
    label: string,
    onClick: () => unknown,
    options: { disabled?: boolean; glyph: IconName; pressed?: boolean },
  ) => (
    <button
      type="button"
      className="toolbar__button"
      title={label}
      aria-label={label}
      aria-pressed={options.pressed}
      disabled={options.disabled}
      onClick={() => void onClick()}
    >
      <Icon name={options.glyph} />
    </button>
  );

  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      {button(t('toolbar.undo'), actions.undo, { glyph: 'undo', disabled: readOnly || !canUndo })}
      {button(t('toolbar.redo'), actions.redo, { glyph: 'redo', disabled: readOnly || !canRedo })}
      <span className="toolbar__separator" />
      {button(t('toolbar.copy'), actions.copy, { glyph: 'copy', disabled: !hasSelection })}
      {button(t('toolbar.cut'), actions.cut, { glyph: 'cut', disabled: readOnly || !hasSelection })}
      {button(t('toolbar.paste'), actions.paste, { glyph: 'paste', disabled: readOnly })}
      {button(t('toolbar.duplicate'), actions.duplicate, {
        glyph: 'duplicate',
        disabled: readOnly || !hasSelection,
      })}
      {button(t('toolbar.delete'), actions.remove, {
        glyph: 'delete',
        disabled: readOnly || !hasAnySelection,
      })}
      <span className="toolbar__separator" />
      {button(t('toolbar.selectAll'), actions.selectAll, { glyph: 'selectAll' })}
      {button(t('toolbar.selectMode'), onToggleBoxSelect, { glyph: 'boxSelect', pressed: boxSelect })}
      {button(t('toolbar.addNote'), actions.addNote, { glyph: 'note', disabled: readOnly })}
      <span className="toolbar__separator" />
      <button
        type="button"
        className="toolbar__text-button"
        onClick={() => void actions.tidyUp()}
        disabled={readOnly}
      >
        {t('toolbar.tidyUp')}
      </button>
      {button(t('toolbar.fitView'), actions.fitView, { glyph: 'fit' })}
      {button(t('toolbar.shortcuts'), onShowShortcuts, { glyph: 'help' })}
    </div>
  );
}
