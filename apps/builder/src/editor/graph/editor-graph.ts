import type { CampaignGraphInput, GraphEdge, GraphNodeInput, GraphNote, NodeType } from '@loa/engine/browser';

/** The campaign graph as the editor holds it: the engine's format, with its sticky notes always present. */
export type EditorGraph = Omit<CampaignGraphInput, 'notes'> & { notes: GraphNote[] };
export type { GraphEdge, GraphNodeInput, GraphNote, NodeType };
export type XY = { x: number; y: number };

/** Reads whatever a draft holds into an editor graph; the engine's validation reports what is wrong with it. */
export function toEditorGraph(value: unknown): EditorGraph {
  const graph = (typeof value === 'object' && value !== null ? value : {}) as Partial<EditorGraph>;
  return {
    ...graph,
    schemaVersion: 1,
    nodes: Array.isArray(graph.nodes) ? graph.nodes : [],
    edges: Array.isArray(graph.edges) ? graph.edges : [],
    notes: Array.isArray(graph.notes) ? graph.notes : [],
  } as EditorGraph;
}

export const emptyGraph = (): EditorGraph => ({ schemaVersion: 1, nodes: [], edges: [], notes: [] });
