import type { NodeCategory } from '@loa/engine/browser';

/** A glyph per category, read next to the step's title (decorative: the title says the same). */
export const CATEGORY_ICONS: Record<NodeCategory, string> = {
  trigger: '⚡',
  wait: '⏱',
  branch: '⑂',
  send: '✉',
  action: '⚙',
  exit: '⏹',
};
