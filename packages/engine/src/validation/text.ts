/** Text helpers for messages. */

const MAX_SHOWN = 60;

/** Shortens user text (labels, ids, values) that goes into a message. */
export function clip(text: string, max = MAX_SHOWN): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** “text” */
export function quote(text: string): string {
  return `“${clip(text)}”`;
}

/** "a", "a and b", "a, b and c", at most `max` items and "… and N more". */
export function listOf(items: readonly string[], max = 5): string {
  if (items.length === 0) return '';
  if (items.length <= max) {
    return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
  }
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
