import { isNodeType, nodeCatalogue, type NodeType } from '../graph/node-catalogue';
import type { DiagnosticSink } from './diagnostics';
import { NodeInfo } from './graph-index';
import { explainIssues } from './issue-messages';
import { field, isObject, isValidId } from './json';
import { formatPath } from './paths';
import { clip, quote } from './text';

/** Each node on its own: id, type, position and config. Returns what the other checks work on. */
export function checkNodes(rawNodes: readonly unknown[], sink: DiagnosticSink): NodeInfo[] {
  const nodes: NodeInfo[] = [];
  const seen = new Set<string>();
  rawNodes.forEach((raw, index) => {
    const path = ['nodes', index];
    if (!isObject(raw)) {
      sink.add('GRAPH_SHAPE', `Step #${index + 1} is damaged: remove it and add it again.`, {
        path: formatPath(path),
        params: { step: index + 1 },
      });
      return;
    }
    const rawId = field(raw, 'id');
    const id = typeof rawId === 'string' && rawId !== '' ? rawId : undefined;
    const rawType = field(raw, 'type');
    const type: NodeType | undefined = isNodeType(rawType) ? rawType : undefined;
    const data = field(raw, 'data');
    const node = new NodeInfo(index, raw, id, type, data);
    nodes.push(node);

    checkId(node, rawId, seen, sink);
    checkPosition(node, sink);
    if (type === undefined) {
      sink.add(
        'UNKNOWN_NODE_TYPE',
        typeof rawType === 'string' && rawType !== ''
          ? `${node.name} is a kind of step Loa does not know (${quote(rawType)}). Remove it or replace it.`
          : `${node.name} does not say what kind of step it is. Remove it or replace it.`,
        {
          nodeId: id,
          path: formatPath([...path, 'type']),
          ...(typeof rawType === 'string' && rawType !== '' && { params: { type: clip(rawType, 40) } }),
        },
      );
      return;
    }
    checkConfig(node, type, sink);
  });
  return nodes;
}

function checkId(node: NodeInfo, rawId: unknown, seen: Set<string>, sink: DiagnosticSink): void {
  if (node.id === undefined) {
    sink.add('NODE_ID_MISSING', `${node.name} has no id: remove it and add it again.`, {
      path: formatPath([...node.path, 'id']),
    });
    return;
  }
  if (!isValidId(rawId)) {
    sink.add(
      'NODE_ID_INVALID',
      `${node.name} has an id (${quote(node.id)}) that is not allowed: ids have 1 to 64 letters, digits, _ or -.`,
      { nodeId: node.id, path: formatPath([...node.path, 'id']) },
    );
  }
  if (seen.has(node.id)) {
    sink.add(
      'DUPLICATE_NODE_ID',
      `${node.name} has the same id (${quote(node.id)}) as another step. Remove one of them and add it again.`,
      { nodeId: node.id, path: formatPath([...node.path, 'id']) },
    );
    return;
  }
  seen.add(node.id);
  node.primary = true;
}

function checkPosition(node: NodeInfo, sink: DiagnosticSink): void {
  const position = field(node.raw, 'position');
  const x = field(position, 'x');
  const y = field(position, 'y');
  if (!(typeof x === 'number' && Number.isFinite(x) && typeof y === 'number' && Number.isFinite(y))) {
    sink.add('GRAPH_SHAPE', `${node.name} has no place on the canvas: move it to save its position.`, {
      nodeId: node.id,
      path: formatPath([...node.path, 'position']),
    });
  }
}

function checkConfig(node: NodeInfo, type: NodeType, sink: DiagnosticSink): void {
  const dataPath = [...node.path, 'data'];
  let result;
  try {
    result = nodeCatalogue[type].schema.safeParse(node.data);
  } catch {
    // Only pathological input (e.g. rules nested thousands deep) makes a schema throw.
    sink.add('INVALID_CONFIG', `${node.heading}: its settings are too complex to read.`, {
      nodeId: node.id,
      path: formatPath(dataPath),
    });
    return;
  }
  if (result.success) {
    node.config = result.data;
    return;
  }
  for (const issue of explainIssues(result.error.issues, node.data)) {
    sink.add('INVALID_CONFIG', `${node.heading}: ${issue.text}.`, {
      nodeId: node.id,
      path: formatPath([...dataPath, ...issue.path]),
    });
  }
}
