import { handlesOf, type NodeType } from '../graph/node-catalogue';
import type { DiagnosticSink } from './diagnostics';
import type { Link, NodeInfo } from './graph-index';
import { field, isObject, isValidId } from './json';
import { formatPath } from './paths';
import { clip, listOf, quote } from './text';

/** Each edge: shape, unique id, existing ends, not into a trigger, an offered handle used once. */
export function checkEdges(
  rawEdges: readonly unknown[],
  byId: ReadonlyMap<string, NodeInfo>,
  sink: DiagnosticSink,
): Link[] {
  const links: Link[] = [];
  const edgeIds = new Set<string>();
  const usedHandles = new Set<string>();
  const handleCache = new Map<NodeInfo, string[] | undefined>();

  rawEdges.forEach((raw, index) => {
    const path = ['edges', index];
    if (!isObject(raw)) {
      sink.add('GRAPH_SHAPE', `Connection #${index + 1} is damaged: remove it and draw it again.`, {
        path: formatPath(path),
        params: { connection: index + 1 },
      });
      return;
    }
    const rawId = field(raw, 'id');
    const edgeId = typeof rawId === 'string' && rawId !== '' ? rawId : undefined;
    const source = stringField(raw, 'source');
    const target = stringField(raw, 'target');
    const handle = stringField(raw, 'sourceHandle');
    const from = source === undefined ? undefined : byId.get(source);
    const to = target === undefined ? undefined : byId.get(target);
    const described = () => `The connection ${describe(from, to, source, target)}`;

    if (edgeId === undefined || !isValidId(edgeId)) {
      sink.add('EDGE_INVALID', `${described()} has no valid id: remove it and draw it again.`, {
        edgeId,
        nodeId: from?.id,
        path: formatPath([...path, 'id']),
        params: { problem: 'id' },
      });
    } else if (edgeIds.has(edgeId)) {
      sink.add(
        'DUPLICATE_EDGE_ID',
        `${described()} has the same id (${quote(edgeId)}) as another connection: remove it and draw it again.`,
        { edgeId, nodeId: from?.id, path: formatPath([...path, 'id']) },
      );
    } else {
      edgeIds.add(edgeId);
    }

    // A present but unknown end is reported below; a badly formed id of an existing node is the node's problem.
    if (source === undefined) {
      sink.add(
        'EDGE_INVALID',
        `${described()} does not say which step it leaves: remove it and draw it again.`,
        {
          edgeId,
          nodeId: to?.id,
          path: formatPath([...path, 'source']),
          params: { problem: 'source' },
        },
      );
    }
    if (target === undefined) {
      sink.add(
        'EDGE_INVALID',
        `${described()} does not say which step it leads to: remove it and draw it again.`,
        {
          edgeId,
          nodeId: from?.id,
          path: formatPath([...path, 'target']),
          params: { problem: 'target' },
        },
      );
    }
    if (handle === undefined) {
      sink.add(
        'EDGE_INVALID',
        `${described()} does not say which exit of the step it leaves: draw it again.`,
        {
          edgeId,
          nodeId: from?.id,
          path: formatPath([...path, 'sourceHandle']),
          params: { problem: 'handle' },
        },
      );
    }
    if (source !== undefined && from === undefined) {
      sink.add(
        'EDGE_SOURCE_MISSING',
        `A connection starts at a step that is not in the campaign (${clip(source, 40)}): remove the connection.`,
        {
          edgeId,
          nodeId: to?.id,
          path: formatPath([...path, 'source']),
          params: { source: clip(source, 40) },
        },
      );
    }
    if (target !== undefined && to === undefined) {
      sink.add(
        'EDGE_TARGET_MISSING',
        `A connection from ${from?.name ?? 'a step'} leads to a step that is not in the campaign (${clip(target, 40)}): remove the connection or connect it to a step.`,
        {
          edgeId,
          nodeId: from?.id,
          path: formatPath([...path, 'target']),
          params: { target: clip(target, 40) },
        },
      );
    }
    if (to !== undefined && to.category === 'trigger') {
      sink.add(
        'EDGE_INTO_TRIGGER',
        `A connection leads into the trigger ${to.name}: contacts enter only through the trigger, nothing can lead into it. Remove the connection.`,
        { edgeId, nodeId: to.id, path: formatPath([...path, 'target']) },
      );
    }
    if (from !== undefined && handle !== undefined) {
      if (!handleCache.has(from)) handleCache.set(from, offeredHandles(from));
      const offered = handleCache.get(from);
      if (offered !== undefined && !offered.includes(handle)) {
        sink.add(
          'HANDLE_NOT_OFFERED',
          offered.length === 0
            ? `${from.name} ends the journey, so nothing can follow it: remove the connection that leaves it.`
            : `A connection leaves ${from.name} through ${quote(handle)}, which it does not have (it has ${listOf(offered.map(quote))}). Remove the connection and draw it again.`,
          {
            edgeId,
            nodeId: from.id,
            path: formatPath([...path, 'sourceHandle']),
            params: { handle: clip(handle, 40), offered: offered.join(', ') },
          },
        );
      }
      const key = `${from.index}\u0000${handle}`;
      if (usedHandles.has(key)) {
        sink.add(
          'HANDLE_CONNECTED_TWICE',
          `${from.name} has more than one connection from its ${quote(handle)} exit; a contact can follow only one. Remove all but one.`,
          {
            edgeId,
            nodeId: from.id,
            path: formatPath([...path, 'sourceHandle']),
            params: { handle: clip(handle, 40) },
          },
        );
      } else {
        usedHandles.add(key);
      }
    }
    if (from !== undefined && to !== undefined) links.push({ edgeIndex: index, from, to });
  });
  return links;
}

function stringField(raw: Record<string, unknown>, key: string): string | undefined {
  const value = field(raw, key);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function offeredHandles(node: NodeInfo): string[] | undefined {
  if (node.type === undefined || node.config === undefined) return undefined;
  try {
    return handlesOf(node.type as NodeType, node.config as never);
  } catch {
    return undefined;
  }
}

function describe(from?: NodeInfo, to?: NodeInfo, source?: string, target?: string): string {
  const start = from?.name ?? (source === undefined ? undefined : quote(source));
  const end = to?.name ?? (target === undefined ? undefined : quote(target));
  if (start !== undefined && end !== undefined) return `from ${start} to ${end}`;
  if (start !== undefined) return `from ${start}`;
  if (end !== undefined) return `to ${end}`;
  return 'between two steps';
}
