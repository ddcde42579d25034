const MAX_FRAMES = 30;

/**
 * Moves keyboard focus to a step's node once React Flow has drawn it (a few frames after the store adds it).
 * Returns a function that gives up waiting.
 */
export function focusStepWhenDrawn(stepId: string): () => void {
  let frame = 0;
  let handle = 0;
  const attempt = () => {
    const node = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(stepId)}"]`);
    if (node) node.focus();
    else if (++frame < MAX_FRAMES) handle = requestAnimationFrame(attempt);
  };
  handle = requestAnimationFrame(attempt);
  return () => cancelAnimationFrame(handle);
}
