import { field, isObject, type JsonObject } from './json';
import type { PathSegment } from './paths';

/** Where a rule sits: its parent group's place and its index (a chain, so deep trees cost no copying). */
interface Place {
  parent?: Place;
  index: number;
}

export interface RuleAt {
  rule: JsonObject;
  /** Relative to the node's data, e.g. ["rule", "rules", 0, "rules", 2]; built on demand. */
  path(): PathSegment[];
}

function pathOf(place: Place): PathSegment[] {
  const indexes: number[] = [];
  for (let current: Place | undefined = place; current !== undefined; current = current.parent) {
    indexes.push(current.index);
  }
  const path: PathSegment[] = ['rule'];
  for (let i = indexes.length - 1; i >= 0; i--) path.push('rules', indexes[i]);
  return path;
}

/** Every rule (not group) of a branch.condition's stored rule tree, depth first, without recursion. */
export function rulesOf(data: unknown): RuleAt[] {
  const rules: RuleAt[] = [];
  const root = field(data, 'rule');
  if (!isObject(root)) return rules;
  const pending: Array<{ group: JsonObject; place?: Place }> = [{ group: root }];
  while (pending.length > 0) {
    const { group, place } = pending.pop() as { group: JsonObject; place?: Place };
    const items = field(group, 'rules');
    if (!Array.isArray(items)) continue;
    const groups: Array<{ group: JsonObject; place: Place }> = [];
    items.forEach((item, index) => {
      if (!isObject(item)) return;
      const itemPlace: Place = { parent: place, index };
      if (Array.isArray(field(item, 'rules'))) groups.push({ group: item, place: itemPlace });
      else rules.push({ rule: item, path: () => pathOf(itemPlace) });
    });
    for (let i = groups.length - 1; i >= 0; i--) pending.push(groups[i]);
  }
  return rules;
}
