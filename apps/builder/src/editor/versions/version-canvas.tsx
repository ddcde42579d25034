import { nodeCatalogue } from '@loa/engine/browser';
import {
  Background,
  Controls,
  Handle,
  Position,
  ReactFlow,
  ReactFlowProvider,
  type Edge,
  type Node,
  type NodeProps,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import type { DiffGraph } from './graph-diff';

type StepData = { title: string; label: string; category: string; decoration: string | undefined };

const catalogue = nodeCatalogue as Record<string, { title: string; category: string } | undefined>;

function StepNode({ data }: NodeProps<Node<StepData>>) {
  return (
    <div
      className={`vstep vstep--${data.category} ${data.decoration ? `vstep--${data.decoration}` : ''}`}
      data-decoration={data.decoration}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <span className="vstep__type">{data.title}</span>
      <span className="vstep__label">{data.label}</span>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}

const nodeTypes = { step: StepNode };

/**
 * A graph drawn read-only (pan, zoom and select work; nothing moves or connects), each step carrying its
 * decoration (added, changed, removed, path) as a CSS modifier.
 */
export function VersionCanvas({
  graph,
  decorations,
}: {
  graph: DiffGraph;
  decorations: Record<string, string>;
}) {
  const nodes = useMemo(
    (): Node<StepData>[] =>
      graph.nodes.map((node) => {
        const entry = catalogue[node.type];
        const label = typeof node.data['label'] === 'string' ? node.data['label'] : '';
        return {
          id: node.id,
          type: 'step',
          position: node.position,
          data: {
            title: entry?.title ?? node.type,
            label: label || entry?.title || node.type,
            category: entry?.category ?? 'action',
            decoration: decorations[node.id],
          },
          draggable: false,
          connectable: false,
        };
      }),
    [graph, decorations],
  );
  const edges = useMemo(
    (): Edge[] =>
      graph.edges.map((edge) => ({
        id: edge.id,
        source: edge.source,
        target: edge.target,
        label: edge.sourceHandle === 'next' ? undefined : edge.sourceHandle,
        className:
          decorations[edge.source] === 'removed' || decorations[edge.target] === 'removed'
            ? 'vedge--removed'
            : undefined,
      })),
    [graph, decorations],
  );
  return (
    <ReactFlowProvider>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        fitView
        fitViewOptions={{ padding: 0.2 }}
        minZoom={0.2}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </ReactFlowProvider>
  );
}
