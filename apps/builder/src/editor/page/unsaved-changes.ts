import type { EditorGraph } from '../graph/editor-graph';
import { diffGraphs, type DiffGraph } from '../versions/graph-diff';

/** What "copy my changes" copies: the steps and notes added or edited since the last save, by id. */
export interface UnsavedChanges {
  nodeIds: string[];
  noteIds: string[];
}

/**
 * The steps added or whose config changed, and the notes added or edited, between the last saved graph and the
 * current one (a note's text or colour). Steps only moved or reconnected, notes only moved or resized, and removals
 * have nothing of their own to copy.
 */
export function unsavedChanges(saved: EditorGraph, current: EditorGraph): UnsavedChanges {
  const diff = diffGraphs(saved as DiffGraph, current as DiffGraph);
  const nodeIds = diff.changes
    .filter((change) => change.kind === 'added' || (change.kind === 'changed' && change.fields.length > 0))
    .map((change) => change.nodeId);
  const savedNotes = new Map(saved.notes.map((note) => [note.id, note]));
  const noteIds = current.notes
    .filter((note) => {
      const before = savedNotes.get(note.id);
      return before === undefined || before.text !== note.text || before.color !== note.color;
    })
    .map((note) => note.id);
  return { nodeIds, noteIds };
}
