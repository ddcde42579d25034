import { GRAPH_SCHEMA_VERSION, noteSchema, type GraphNote } from '../graph/graph.schema';
import type { DiagnosticSink } from './diagnostics';
import { field, hasOwn, isObject } from './json';

/** The limits of campaignGraphSchema. */
const MAX_NODES = 5000;
const MAX_EDGES = 20000;

export interface GraphParts {
  nodes: unknown[];
  edges: unknown[];
  settings: unknown;
  /** Sticky notes, parsed; damaged ones are reported and left out. */
  notes: GraphNote[];
}

const MAX_NOTES = 500;

/** The top level: an object with schemaVersion, nodes and edges arrays. Undefined when nothing more can be checked. */
export function checkStructure(graph: unknown, sink: DiagnosticSink): GraphParts | undefined {
  if (!isObject(graph)) {
    sink.add('GRAPH_NOT_OBJECT', 'This is not a campaign: the data could not be read as a campaign graph.');
    return undefined;
  }
  const version = field(graph, 'schemaVersion');
  if (version !== GRAPH_SCHEMA_VERSION) {
    sink.add(
      'SCHEMA_VERSION_UNSUPPORTED',
      typeof version === 'number' && version > GRAPH_SCHEMA_VERSION
        ? `This campaign was saved by a newer version of Loa (format ${version}); it cannot be checked here.`
        : `This campaign has no supported format version (expected ${GRAPH_SCHEMA_VERSION}).`,
      { path: 'schemaVersion', ...(typeof version === 'number' && { params: { version } }) },
    );
  }
  const nodes = listAt(graph, 'nodes', 'steps', MAX_NODES, sink);
  const edges = listAt(graph, 'edges', 'connections', MAX_EDGES, sink);
  return { nodes, edges, settings: field(graph, 'settings'), notes: notesOf(graph, sink) };
}

/** Notes are optional; each must be a valid note. They never change what a campaign does. */
function notesOf(graph: Record<string, unknown>, sink: DiagnosticSink): GraphNote[] {
  if (!hasOwn(graph, 'notes') || graph.notes === undefined) return [];
  const notes = listAt(graph, 'notes', 'notes', MAX_NOTES, sink);
  const parsed: GraphNote[] = [];
  notes.forEach((note, index) => {
    const result = noteSchema.safeParse(note);
    if (result.success) parsed.push(result.data);
    else
      sink.add('GRAPH_SHAPE', `Note #${index + 1} is damaged: delete it and add it again.`, {
        path: `notes[${index}]`,
      });
  });
  return parsed;
}

function listAt(
  graph: Record<string, unknown>,
  key: string,
  what: string,
  max: number,
  sink: DiagnosticSink,
) {
  const value = hasOwn(graph, key) ? graph[key] : undefined;
  if (!Array.isArray(value)) {
    sink.add('GRAPH_SHAPE', `The campaign's list of ${what} is missing or damaged.`, { path: key });
    return [];
  }
  if (value.length > max) {
    sink.add('GRAPH_SHAPE', `The campaign has ${value.length} ${what}; at most ${max} are allowed.`, {
      path: key,
    });
  }
  return value as unknown[];
}
