import { isTextEntry, shortcutOf } from './shortcuts';

const press = (
  key: string,
  modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {},
) => shortcutOf({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers });

describe('keyboard shortcuts', () => {
  it('maps key presses to editor actions on Windows, Linux and Mac', () => {
    expect(press('z', { ctrlKey: true })).toBe('undo');
    expect(press('z', { metaKey: true })).toBe('undo');
    expect(press('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(press('y', { ctrlKey: true })).toBe('redo');
    expect(press('d', { metaKey: true })).toBe('duplicate');
    expect(press('a', { ctrlKey: true })).toBe('selectAll');
    expect(press('Delete')).toBe('delete');
    expect(press('Backspace')).toBe('delete');
    expect(press('Escape')).toBe('clearSelection');
    expect(press('?', { shiftKey: true })).toBe('help');
    expect(press('z')).toBeUndefined();
    expect(press('z', { ctrlKey: true, altKey: true })).toBeUndefined();
  });

  it('does not treat a non-element as a text field', () => {
    expect(isTextEntry(null)).toBe(false);
  });
});
