import type { ContactFields } from './contact-fields';
import type { DiagnosticSink } from './diagnostics';
import type { NodeInfo } from './graph-index';
import { field } from './json';
import type { PathSegment } from './paths';
import { formatPath } from './paths';
import { rulesOf } from './rule-tree';
import { quote } from './text';

/** Contact fields named directly (not in Liquid): condition rules, wait.until date fields, trigger.date. */
export function checkContactFieldReferences(
  nodes: readonly NodeInfo[],
  contactFields: ContactFields,
  sink: DiagnosticSink,
): void {
  for (const node of nodes) {
    for (const [path, value] of referencesOf(node)) {
      if (typeof value !== 'string' || value === '' || contactFields.knows(value)) continue;
      sink.add(
        'UNKNOWN_CONTACT_FIELD',
        `${node.heading} uses the contact field ${quote(value)}, which contacts do not have. Check the spelling or add the field.`,
        { nodeId: node.id, path: formatPath([...node.path, 'data', ...path()]) },
      );
    }
  }
}

function referencesOf(node: NodeInfo): Array<[() => PathSegment[], unknown]> {
  switch (node.type) {
    case 'branch.condition':
      return rulesOf(node.data)
        .filter(({ rule }) => field(rule, 'kind') === 'attribute')
        .map(({ rule, path }) => [() => [...path(), 'field'], field(rule, 'field')]);
    case 'wait.until': {
      const until = field(node.data, 'until');
      return field(until, 'kind') === 'date_attribute'
        ? [[() => ['until', 'attribute'], field(until, 'attribute')]]
        : [];
    }
    case 'trigger.date':
      return [[() => ['attribute'], field(node.data, 'attribute')]];
    default:
      return [];
  }
}
