import type { EditorGraph } from '../graph/editor-graph';
import { deepEqual, diffGraphs, type DiffGraph, type GraphDiff } from '../versions/graph-diff';

/** What reloading their version would lose of mine: what "copy my changes" copies, and the settings it names. */
export interface LostOnReload {
  nodeIds: string[];
  noteIds: string[];
  /** Campaign settings keys I changed that differ from theirs (settings are not steps: the notice names them). */
  settings: string[];
}

/**
 * Mine that their version lacks: my steps and notes it does not have (added by me, or saved by me and replaced by
 * their save), and those it holds otherwise where the difference is my change since my last save (not theirs).
 * Steps only moved or reconnected, and my removals, have nothing of their own to copy.
 */
export function lostOnReload(theirs: EditorGraph, mine: EditorGraph, lastSaved: EditorGraph): LostOnReload {
  const fromTheirs = diffGraphs(theirs as DiffGraph, mine as DiffGraph);
  const myEdits = new Set(editedOrAdded(diffGraphs(lastSaved as DiffGraph, mine as DiffGraph)));
  const nodeIds = fromTheirs.changes
    .filter(
      (change) =>
        change.kind === 'added' ||
        (change.kind === 'changed' && change.fields.length > 0 && myEdits.has(change.nodeId)),
    )
    .map((change) => change.nodeId);

  const theirNotes = new Map(theirs.notes.map((note) => [note.id, note]));
  const savedNotes = new Map(lastSaved.notes.map((note) => [note.id, note]));
  const sameNote = (a: EditorGraph['notes'][number], b: EditorGraph['notes'][number] | undefined) =>
    b !== undefined && a.text === b.text && a.color === b.color;
  const noteIds = mine.notes
    .filter((note) => {
      const their = theirNotes.get(note.id);
      return their === undefined || (!sameNote(note, their) && !sameNote(note, savedNotes.get(note.id)));
    })
    .map((note) => note.id);

  const mySettings = mine.settings ?? {};
  const savedSettings = lastSaved.settings ?? {};
  const settings = fromTheirs.settingsChanged.filter(
    (key) =>
      !deepEqual(
        mySettings[key as keyof typeof mySettings],
        savedSettings[key as keyof typeof savedSettings],
      ),
  );
  return { nodeIds, noteIds, settings };
}

function editedOrAdded(diff: GraphDiff): string[] {
  return diff.changes
    .filter((change) => change.kind === 'added' || (change.kind === 'changed' && change.fields.length > 0))
    .map((change) => change.nodeId);
}
