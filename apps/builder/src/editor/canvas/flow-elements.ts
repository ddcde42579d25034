import type { GraphNodeInput, NodeCategory } from '@loa/engine/browser';
import type { Edge, Node } from '@xyflow/react';
import { categoryOf } from '../graph/connection-rules';
import type { EditorGraph, GraphEdge, GraphNote } from '../graph/editor-graph';
import type { Selection } from '../store/editor-store';

export type StepFlowNode = Node<{ step: GraphNodeInput }, NodeCategory>;
export type NoteFlowNode = Node<{ note: GraphNote }, 'note'>;
export type FlowNode = StepFlowNode | NoteFlowNode;
export type FlowEdge = Edge<{ edge: GraphEdge }, 'step'>;

type Size = { width: number; height: number } | undefined;

/**
 * A step's size before the browser has measured it. React Flow draws every node of unknown size to measure it,
 * even off screen; with a size it draws only those in view (a 1,000-step campaign opens as fast as a small one).
 */
export const STEP_SIZE_ESTIMATE = { width: 260, height: 96 };
const NOTE_DEFAULT_SIZE = { width: 220, height: 120 };

/**
 * Derives React Flow's nodes and edges from the graph, reusing the previous object of every element whose inputs
 * did not change, so that React Flow and the memoised node components skip it (a 500-step campaign pans smoothly).
 */
export class FlowElements {
  private nodeCache = new Map<string, { inputs: unknown[]; node: FlowNode }>();
  private edgeCache = new Map<string, { inputs: unknown[]; edge: FlowEdge }>();

  nodes(
    graph: EditorGraph,
    selection: Selection,
    measured: Readonly<Record<string, Size>>,
    readOnly: boolean,
  ): FlowNode[] {
    const selected = new Set([...selection.nodes, ...selection.notes]);
    const next = new Map<string, { inputs: unknown[]; node: FlowNode }>();
    const reuse = (id: string, inputs: unknown[], make: () => FlowNode): FlowNode => {
      const cached = this.nodeCache.get(id);
      const node =
        cached &&
        cached.inputs.length === inputs.length &&
        cached.inputs.every((input, i) => input === inputs[i])
          ? cached.node
          : make();
      next.set(id, { inputs, node });
      return node;
    };
    const result: FlowNode[] = [];
    for (const step of graph.nodes) {
      const isSelected = selected.has(step.id);
      const size = measured[step.id];
      result.push(
        reuse(step.id, [step, isSelected, size, readOnly], () => ({
          id: step.id,
          type: categoryOf(step),
          position: step.position,
          data: { step },
          selected: isSelected,
          draggable: !readOnly,
          connectable: !readOnly,
          deletable: false,
          initialWidth: STEP_SIZE_ESTIMATE.width,
          initialHeight: STEP_SIZE_ESTIMATE.height,
          ...(size && { measured: size }),
        })),
      );
    }
    for (const note of graph.notes) {
      const isSelected = selected.has(note.id);
      const size = measured[note.id];
      result.push(
        reuse(note.id, [note, isSelected, size, readOnly], () => ({
          id: note.id,
          type: 'note',
          position: note.position,
          data: { note },
          selected: isSelected,
          draggable: !readOnly,
          connectable: false,
          deletable: false,
          zIndex: -1,
          initialWidth: note.width ?? NOTE_DEFAULT_SIZE.width,
          initialHeight: note.height ?? NOTE_DEFAULT_SIZE.height,
          ...(size && { measured: size }),
        })),
      );
    }
    this.nodeCache = next;
    return result;
  }

  edges(graph: EditorGraph, selection: Selection): FlowEdge[] {
    const selected = new Set(selection.edges);
    const next = new Map<string, { inputs: unknown[]; edge: FlowEdge }>();
    const result = graph.edges.map((edge) => {
      const isSelected = selected.has(edge.id);
      const cached = this.edgeCache.get(edge.id);
      const flowEdge: FlowEdge =
        cached && cached.inputs[0] === edge && cached.inputs[1] === isSelected
          ? cached.edge
          : {
              id: edge.id,
              type: 'step',
              source: edge.source,
              sourceHandle: edge.sourceHandle,
              target: edge.target,
              targetHandle: 'in',
              selected: isSelected,
              deletable: false,
              data: { edge },
            };
      next.set(edge.id, { inputs: [edge, isSelected], edge: flowEdge });
      return flowEdge;
    });
    this.edgeCache = next;
    return result;
  }
}
