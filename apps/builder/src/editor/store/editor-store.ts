import type { CampaignSettingsInput, Diagnostic, GraphNodeInput, NodeType } from '@loa/engine/browser';
import { temporal } from 'zundo';
import { createStore } from 'zustand';
import { pasteFragment, type Fragment } from '../clipboard/fragment';
import type { EditorGraph, GraphNote, XY } from '../graph/editor-graph';
import * as operations from '../graph/graph-operations';
import { countByTarget, mergeDiagnostics, type ProblemCount } from '../validation/problems';
import { UndoGrouping } from './undo-grouping';

/** Where the "+" step picker adds a step: after a free out handle, or in the middle of a connection. */
export type PickerTarget =
  { kind: 'handle'; source: string; handle: string } | { kind: 'edge'; edgeId: string };

export interface Selection {
  nodes: string[];
  edges: string[];
  notes: string[];
}

export const EMPTY_SELECTION: Selection = { nodes: [], edges: [], notes: [] };

export interface EditorState {
  graph: EditorGraph;
  selection: Selection;
  /** Sizes React Flow measured, by step or note id; not part of the graph. */
  measured: Record<string, { width: number; height: number }>;
  readOnly: boolean;
  /** CSS modifier per step id (e.g. 'path', 'added', 'changed', 'removed'), set by other views (versions, runs). */
  decorations: Record<string, string>;
  /** What the engine's validateGraph says about the graph as it is now. */
  liveDiagnostics: Diagnostic[];
  /** What the API answered on the last load or save (it also checks templates, accounts, events…). */
  savedDiagnostics: Diagnostic[];
  /** Live and saved diagnostics merged (see mergeDiagnostics), errors first. */
  problems: Diagnostic[];
  problemCounts: { nodes: Record<string, ProblemCount>; edges: Record<string, ProblemCount> };
  picker: PickerTarget | undefined;

  setPicker: (picker: PickerTarget | undefined) => void;
  load: (graph: EditorGraph) => void;
  setReadOnly: (readOnly: boolean) => void;
  setDecorations: (decorations: Record<string, string>) => void;
  setLiveDiagnostics: (diagnostics: Diagnostic[]) => void;
  setSavedDiagnostics: (diagnostics: Diagnostic[]) => void;
  setSelection: (selection: Partial<Selection>) => void;
  selectAll: () => void;
  setMeasured: (sizes: Record<string, { width: number; height: number }>) => void;

  addNode: (type: NodeType, position: XY) => string | undefined;
  addNodeAfter: (source: string, handle: string, type: NodeType) => string | undefined;
  insertOnEdge: (edgeId: string, type: NodeType) => string | undefined;
  connect: (link: { source: string; sourceHandle: string; target: string }) => void;
  /** Removes the connection leaving a step's handle (and from the selection). */
  disconnect: (link: { source: string; sourceHandle: string }) => void;
  moveElements: (positions: ReadonlyMap<string, XY>) => void;
  updateNodeData: (id: string, data: GraphNodeInput['data']) => void;
  /** Replaces the campaign's settings (time zone, quiet hours, caps…); quick successive changes are one undo step. */
  updateSettings: (settings: CampaignSettingsInput) => void;
  addNote: (position: XY) => string | undefined;
  updateNote: (id: string, change: Partial<Omit<GraphNote, 'id'>>) => void;
  deleteSelection: () => void;
  paste: (fragment: Fragment, offset: XY) => void;
  /** Replaces the whole graph as one undo step (e.g. auto-layout). */
  replaceGraph: (graph: EditorGraph) => void;
  undo: () => void;
  redo: () => void;
}

export interface EditorInit {
  graph: EditorGraph;
  readOnly?: boolean;
  savedDiagnostics?: Diagnostic[];
  /** For tests: the clock that groups consecutive edits into one undo step. */
  now?: () => number;
}

/** One store per open editor (DESIGN §15); undo/redo are snapshots of its graph. */
export function createEditorStore(init: EditorInit) {
  const grouping = new UndoGrouping(init.now ?? Date.now);
  return createStore<EditorState>()(
    temporal(
      (set, get, api) => {
        /** Applies an edit to the graph; edits with the same key in quick succession are one undo step. */
        const edit = (
          change: (graph: EditorGraph) => EditorGraph,
          groupKey?: string,
          extra?: Partial<EditorState>,
        ) => {
          const state = get();
          if (state.readOnly) return false;
          const next = change(state.graph);
          if (next === state.graph) return false;
          const temporalApi = (api as unknown as { temporal: TemporalApi }).temporal.getState();
          const merge = grouping.continues(groupKey);
          if (merge) temporalApi.pause();
          set({ graph: next, ...extra });
          if (merge) temporalApi.resume();
          return true;
        };
        const withProblems = (live: Diagnostic[], saved: Diagnostic[]): Partial<EditorState> => {
          const problems = mergeDiagnostics(live, saved, get().graph);
          return {
            liveDiagnostics: live,
            savedDiagnostics: saved,
            problems,
            problemCounts: countByTarget(problems),
          };
        };
        const select = (nodes: string[] = [], notes: string[] = []): Partial<EditorState> => ({
          selection: { nodes, edges: [], notes },
        });

        return {
          graph: init.graph,
          selection: EMPTY_SELECTION,
          measured: {},
          readOnly: init.readOnly ?? false,
          decorations: {},
          liveDiagnostics: [],
          savedDiagnostics: init.savedDiagnostics ?? [],
          problems: [],
          problemCounts: { nodes: {}, edges: {} },
          picker: undefined,

          setPicker: (picker) => set({ picker }),
          load: (graph) => {
            grouping.reset();
            set({ graph, selection: EMPTY_SELECTION, picker: undefined });
            (api as unknown as { temporal: TemporalApi }).temporal.getState().clear();
          },
          setReadOnly: (readOnly) => set({ readOnly }),
          setDecorations: (decorations) => set({ decorations }),
          setLiveDiagnostics: (live) => set(withProblems(live, get().savedDiagnostics)),
          setSavedDiagnostics: (saved) => set(withProblems(get().liveDiagnostics, saved)),
          setSelection: (selection) => set({ selection: { ...get().selection, ...selection } }),
          selectAll: () => {
            const { graph } = get();
            set({
              selection: {
                nodes: graph.nodes.map((node) => node.id),
                edges: graph.edges.map((edge) => edge.id),
                notes: graph.notes.map((note) => note.id),
              },
            });
          },
          setMeasured: (sizes) => set({ measured: { ...get().measured, ...sizes } }),

          addNode: (type, position) => {
            let id: string | undefined;
            edit((graph) => {
              const added = operations.addNode(graph, type, position);
              id = added.nodeId;
              return added.graph;
            });
            if (id) set(select([id]));
            return id;
          },
          addNodeAfter: (source, handle, type) => {
            let id: string | undefined;
            edit((graph) => {
              const added = operations.addNodeAfter(graph, source, handle, type);
              id = added.nodeId;
              return added.graph;
            });
            if (id) set(select([id]));
            return id;
          },
          insertOnEdge: (edgeId, type) => {
            let id: string | undefined;
            edit((graph) => {
              const added = operations.insertOnEdge(graph, edgeId, type);
              id = added.nodeId;
              return added.graph;
            });
            if (id) set(select([id]));
            return id;
          },
          connect: (link) => void edit((graph) => operations.connect(graph, link)),
          disconnect: (link) => {
            const { graph, selection } = get();
            const removed = new Set(
              graph.edges
                .filter((edge) => edge.source === link.source && edge.sourceHandle === link.sourceHandle)
                .map((edge) => edge.id),
            );
            edit((current) => operations.disconnect(current, link), undefined, {
              selection: { ...selection, edges: selection.edges.filter((id) => !removed.has(id)) },
            });
          },
          moveElements: (positions) =>
            void edit(
              (graph) => operations.moveElements(graph, positions),
              `move:${[...positions.keys()].join(',')}`,
            ),
          updateNodeData: (id, data) =>
            void edit((graph) => operations.updateNodeData(graph, id, data), `data:${id}`),
          updateSettings: (settings) =>
            void edit((graph) => operations.updateSettings(graph, settings), 'settings'),
          addNote: (position) => {
            let id: string | undefined;
            edit((graph) => {
              const added = operations.addNote(graph, position);
              id = added.noteId;
              return added.graph;
            });
            if (id) set(select([], [id]));
            return id;
          },
          updateNote: (id, change) =>
            void edit((graph) => operations.updateNote(graph, id, change), `note:${id}`),
          deleteSelection: () => {
            const { selection } = get();
            edit((graph) => operations.deleteElements(graph, selection), undefined, {
              selection: EMPTY_SELECTION,
            });
          },
          paste: (fragment, offset) => {
            let pasted: { nodeIds: string[]; noteIds: string[] } | undefined;
            edit((graph) => {
              const result = pasteFragment(graph, fragment, offset);
              pasted = result;
              return result.graph;
            });
            if (pasted) set(select(pasted.nodeIds, pasted.noteIds));
          },
          replaceGraph: (graph) => void edit(() => graph),
          undo: () => {
            if (get().readOnly) return;
            grouping.reset();
            (api as unknown as { temporal: TemporalApi }).temporal.getState().undo();
          },
          redo: () => {
            if (get().readOnly) return;
            grouping.reset();
            (api as unknown as { temporal: TemporalApi }).temporal.getState().redo();
          },
        };
      },
      {
        partialize: (state) => ({ graph: state.graph }),
        equality: (past, current) => past.graph === current.graph,
        limit: 200,
      },
    ),
  );
}

interface TemporalApi {
  getState: () => {
    pause: () => void;
    resume: () => void;
    undo: () => void;
    redo: () => void;
    clear: () => void;
  };
}

export type EditorStore = ReturnType<typeof createEditorStore>;
