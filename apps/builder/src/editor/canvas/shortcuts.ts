/** The editor's keyboard shortcuts, as the cheat sheet lists them (Mod = Ctrl, or ⌘ on a Mac). */
export const SHORTCUTS = [
  { action: 'undo', keys: ['Mod+Z'] },
  { action: 'redo', keys: ['Mod+Shift+Z', 'Mod+Y'] },
  { action: 'copy', keys: ['Mod+C'] },
  { action: 'cut', keys: ['Mod+X'] },
  { action: 'paste', keys: ['Mod+V'] },
  { action: 'duplicate', keys: ['Mod+D'] },
  { action: 'delete', keys: ['Delete', 'Backspace'] },
  { action: 'selectAll', keys: ['Mod+A'] },
  { action: 'clearSelection', keys: ['Esc'] },
  { action: 'boxSelect', keys: ['Shift+drag'] },
  { action: 'multiSelect', keys: ['Mod+click'] },
  { action: 'help', keys: ['?'] },
] as const;

export type ShortcutAction =
  'undo' | 'redo' | 'duplicate' | 'delete' | 'selectAll' | 'clearSelection' | 'help';

/** The shortcut a key press means; copy, cut and paste come as clipboard events instead. */
export function shortcutOf(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): ShortcutAction | undefined {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (event.altKey) return undefined;
  if (mod && key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (mod && key === 'y') return 'redo';
  if (mod && key === 'd') return 'duplicate';
  if (mod && key === 'a') return 'selectAll';
  if (!mod && (key === 'delete' || key === 'backspace')) return 'delete';
  if (!mod && key === 'escape') return 'clearSelection';
  if (!mod && event.key === '?') return 'help';
  return undefined;
}

/** Text fields keep their own undo, copy and paste. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
