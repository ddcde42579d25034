import { useEffect } from 'react';
import { useEditorStore } from '../store/editor-context';
import { isTextEntry, shortcutOf } from './shortcuts';
import type { EditorActions } from './use-editor-actions';

/** Keyboard shortcuts and clipboard events while the editor is open; ignored while typing in a text field. */
export function useKeyboardShortcuts(actions: EditorActions, openHelp: () => void) {
  const store = useEditorStore();
  useEffect(() => {
    const inDialog = (target: EventTarget | null) =>
      target instanceof Element && target.closest('dialog[open]') !== null;
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTextEntry(event.target) || inDialog(event.target)) return;
      const action = shortcutOf(event);
      if (!action) return;
      event.preventDefault();
      if (action === 'help') openHelp();
      else if (action === 'delete') actions.remove();
      else actions[action]();
    };
    const onCopy = (event: ClipboardEvent) => {
      if (isTextEntry(event.target) || inDialog(event.target) || hasTextSelection()) return;
      const text = actions.selectionText();
      if (text === undefined || !event.clipboardData) return;
      event.clipboardData.setData('text/plain', text);
      event.preventDefault();
      actions.copied(text);
    };
    const onCut = (event: ClipboardEvent) => {
      onCopy(event);
      if (event.defaultPrevented) store.getState().deleteSelection();
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isTextEntry(event.target) || inDialog(event.target)) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (actions.pasteText(text)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
    };
  }, [actions, openHelp, store]);
}

function hasTextSelection(): boolean {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString().length > 0;
}
