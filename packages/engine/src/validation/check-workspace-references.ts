import type { DiagnosticSink } from './diagnostics';
import type { NodeInfo } from './graph-index';
import { field } from './json';
import type { PathSegment } from './paths';
import { formatPath } from './paths';
import { rulesOf } from './rule-tree';
import { clip, quote } from './text';

interface Reference {
  path: () => PathSegment[];
  value: unknown;
}

/** Segments the graph names exist in the workspace (trigger.segment, schedule audiences, segment rules). */
export function checkSegments(
  nodes: readonly NodeInfo[],
  segmentIds: ReadonlySet<string>,
  sink: DiagnosticSink,
): void {
  for (const node of nodes) {
    for (const { path, value } of segmentReferencesOf(node)) {
      if (typeof value !== 'string' || value === '' || segmentIds.has(value)) continue;
      sink.add(
        'SEGMENT_UNKNOWN',
        `${node.heading} uses a segment that does not exist in this workspace (${clip(value, 40)}). Choose one of the workspace's segments.`,
        {
          nodeId: node.id,
          path: formatPath([...node.path, 'data', ...path()]),
          params: { segment: clip(value, 40) },
        },
      );
    }
  }
}

/** Event names the graph waits for that the workspace has never received: most often a misspelling. */
export function checkEventNames(
  nodes: readonly NodeInfo[],
  settings: unknown,
  eventNames: ReadonlySet<string>,
  sink: DiagnosticSink,
): void {
  const warn = (name: unknown, where: string, target: { nodeId?: string; path: string }) => {
    if (typeof name !== 'string' || name === '' || eventNames.has(name)) return;
    sink.add(
      'EVENT_NEVER_SEEN',
      `${where} uses the event ${quote(name)}, which this workspace has never received. Check the spelling, or send one such event first.`,
      { ...target, params: { event: name } },
    );
  };
  for (const node of nodes) {
    for (const { path, value } of eventReferencesOf(node)) {
      warn(value, node.heading, { nodeId: node.id, path: formatPath([...node.path, 'data', ...path()]) });
    }
  }
  warn(field(field(settings, 'goal'), 'event'), 'The conversion goal', { path: 'settings.goal.event' });
}

function segmentReferencesOf(node: NodeInfo): Reference[] {
  switch (node.type) {
    case 'trigger.segment':
      return [{ path: () => ['segmentId'], value: field(node.data, 'segmentId') }];
    case 'trigger.schedule': {
      const audience = field(node.data, 'audience');
      return field(audience, 'kind') === 'segment'
        ? [{ path: () => ['audience', 'segmentId'], value: field(audience, 'segmentId') }]
        : [];
    }
    case 'branch.condition':
      return rulesOf(node.data)
        .filter(({ rule }) => field(rule, 'kind') === 'segment')
        .map(({ rule, path }) => ({ path: () => [...path(), 'segmentId'], value: field(rule, 'segmentId') }));
    default:
      return [];
  }
}

function eventReferencesOf(node: NodeInfo): Reference[] {
  switch (node.type) {
    case 'trigger.event':
    case 'wait.event':
      return [{ path: () => ['event'], value: field(node.data, 'event') }];
    case 'branch.condition':
      return rulesOf(node.data)
        .filter(({ rule }) => field(rule, 'kind') === 'event_seen')
        .map(({ rule, path }) => ({ path: () => [...path(), 'event'], value: field(rule, 'event') }));
    default:
      return [];
  }
}
