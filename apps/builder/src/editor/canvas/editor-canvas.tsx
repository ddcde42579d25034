import {
  Background,
  BackgroundVariant,
  ControlButton,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type FitViewOptions,
  type NodeChange,
} from '@xyflow/react';
import { isNodeType } from '@loa/engine/browser';
import { useCallback, useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorGraph, XY } from '../graph/editor-graph';
import { acceptsConnection } from '../graph/connection-rules';
import { entryArea } from '../graph/entry-area';
import { DRAG_TYPE } from '../palette/step-type-list';
import { useEditor, useEditorStore } from '../store/editor-context';
import { FlowElements, type FlowEdge, type FlowNode } from './flow-elements';
import { Icon } from './icons';
import { NoteNode } from './note-node';
import { StepEdge } from './step-edge';
import { ActionNode, BranchNode, ExitNode, SendNode, TriggerNode, WaitNode } from './step-node';

const nodeTypes = {
  trigger: TriggerNode,
  wait: WaitNode,
  branch: BranchNode,
  send: SendNode,
  action: ActionNode,
  exit: ExitNode,
  note: NoteNode,
};
const edgeTypes = { step: StepEdge };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } };
/** The step categories' colours of styles/palette.css (`--category`), for the minimap, which paints in JS. */
const MINIMAP_COLORS: Record<string, string> = {
  trigger: '#2f6fde',
  wait: '#7650c0',
  branch: '#9a6500',
  send: '#17803d',
  action: '#5f6b7a',
  exit: '#c0262d',
  note: '#f2d46b',
};
const STEP_HALF_WIDTH = 130;
/** Campaigns larger than this open on their entry area rather than fitted whole. */
const FIT_WHOLE_UP_TO = 60;

function openingView(graph: EditorGraph): FitViewOptions {
  if (graph.nodes.length <= FIT_WHOLE_UP_TO) return { padding: 0.2, maxZoom: 1 };
  return { padding: 0.2, maxZoom: 1, nodes: entryArea(graph, 20).map((id) => ({ id })) };
}
/** A small campaign fits on screen; the minimap (a button of the zoom controls) starts shown for big ones. */
const MINIMAP_FROM = 15;

/**
 * The campaign graph on a canvas. Works on the editor store it finds in context; with a read-only store it is a
 * viewer (select, copy, zoom), as the versions page uses it. A `compact` canvas sits inside a page: the wheel
 * scrolls the page (zoom with the buttons) and there is no minimap.
 */
export function EditorCanvas({
  boxSelect = false,
  compact = false,
}: {
  boxSelect?: boolean;
  compact?: boolean;
}) {
  const { t } = useTranslation('editor');
  const store = useEditorStore();
  const flow = useReactFlow();
  const graph = useEditor((state) => state.graph);
  const selection = useEditor((state) => state.selection);
  const measured = useEditor((state) => state.measured);
  const readOnly = useEditor((state) => state.readOnly);
  const elements = useRef(new FlowElements()).current;
  // fit an existing campaign in view once; a blank one keeps zoom 1 so that dropped steps land where dropped
  const [fitOnOpen] = useState(() => store.getState().graph.nodes.length > 0);
  const [openView] = useState(() => openingView(store.getState().graph));
  const [minimap, setMinimap] = useState(
    () => !compact && store.getState().graph.nodes.length > MINIMAP_FROM,
  );

  const nodes = useMemo(
    () => elements.nodes(graph, selection, measured, readOnly),
    [elements, graph, selection, measured, readOnly],
  );
  const edges = useMemo(() => elements.edges(graph, selection), [elements, graph, selection]);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const state = store.getState();
      const positions = new Map<string, XY>();
      const sizes: Record<string, { width: number; height: number }> = {};
      const noteIds = new Set(state.graph.notes.map((note) => note.id));
      const selectedNodes = new Set(state.selection.nodes);
      const selectedNotes = new Set(state.selection.notes);
      let selectionChanged = false;
      for (const change of changes) {
        if (change.type === 'position' && change.position) positions.set(change.id, change.position);
        if (change.type === 'dimensions' && change.dimensions) {
          sizes[change.id] = change.dimensions;
          // a note being resized follows the pointer (its size is part of the graph)
          if (change.resizing && noteIds.has(change.id))
            state.updateNote(change.id, {
              width: Math.round(change.dimensions.width),
              height: Math.round(change.dimensions.height),
            });
        }
        if (change.type === 'select') {
          const set = noteIds.has(change.id) ? selectedNotes : selectedNodes;
          if (change.selected) set.add(change.id);
          else set.delete(change.id);
          selectionChanged = true;
        }
      }
      if (positions.size > 0) state.moveElements(positions);
      if (Object.keys(sizes).length > 0) state.setMeasured(sizes);
      if (selectionChanged) state.setSelection({ nodes: [...selectedNodes], notes: [...selectedNotes] });
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowEdge>[]) => {
      const state = store.getState();
      const selected = new Set(state.selection.edges);
      let changed = false;
      for (const change of changes)
        if (change.type === 'select') {
          if (change.selected) selected.add(change.id);
          else selected.delete(change.id);
          changed = true;
        }
      if (changed) state.setSelection({ edges: [...selected] });
    },
    [store],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      if (!connection.sourceHandle) return;
      store.getState().connect({
        source: connection.source,
        sourceHandle: connection.sourceHandle,
        target: connection.target,
      });
    },
    [store],
  );

  const isValidConnection = useCallback(
    (connection: Connection | FlowEdge) => acceptsConnection(store.getState().graph, connection),
    [store],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(DRAG_TYPE);
      if (!isNodeType(type)) return;
      event.preventDefault();
      const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      store.getState().addNode(type, { x: at.x - STEP_HALF_WIDTH, y: at.y - 20 });
    },
    [flow, store],
  );

  return (
    <div className="editor-canvas" onDragOver={onDragOver} onDrop={onDrop} data-testid="canvas">
      <ReactFlow<FlowNode, FlowEdge>
        aria-label={t('canvas.label')}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onlyRenderVisibleElements
        fitView={fitOnOpen}
        fitViewOptions={openView}
        minZoom={0.1}
        maxZoom={2}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control']}
        selectionOnDrag={boxSelect}
        panOnDrag={boxSelect ? [1, 2] : true}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        elementsSelectable
        zoomOnScroll={!compact}
        preventScrolling={!compact}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#c9ced6" />
        {minimap && (
          <MiniMap
            style={{ width: 168, height: 112 }}
            pannable
            zoomable
            nodeColor={(node) => MINIMAP_COLORS[node.type ?? ''] ?? '#999'}
            nodeStrokeWidth={2}
          />
        )}
        <Controls showInteractive={false}>
          {!compact && (
            <ControlButton
              onClick={() => setMinimap(!minimap)}
              title={t('toolbar.minimap')}
              aria-label={t('toolbar.minimap')}
              aria-pressed={minimap}
              className={minimap ? 'control--on' : undefined}
            >
              <Icon name="map" />
            </ControlButton>
          )}
        </Controls>
      </ReactFlow>
      {graph.nodes.length === 0 && graph.notes.length === 0 && (
        <p className="editor-canvas__empty">{t('canvas.empty')}</p>
      )}
    </div>
  );
}
