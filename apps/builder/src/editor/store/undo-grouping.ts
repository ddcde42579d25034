/** Consecutive edits with the same key closer than this together are one undo step (typing, dragging). */
export const UNDO_GROUP_MS = 800;

/** Says whether an edit continues the previous one (same key, soon after) and so joins its undo step. */
export class UndoGrouping {
  private last: { key: string; at: number } | undefined;

  constructor(private readonly now: () => number) {}

  continues(key: string | undefined): boolean {
    const at = this.now();
    const continued = key !== undefined && this.last?.key === key && at - this.last.at < UNDO_GROUP_MS;
    this.last = key === undefined ? undefined : { key, at };
    return continued;
  }

  reset(): void {
    this.last = undefined;
  }
}
