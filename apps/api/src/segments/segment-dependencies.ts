import type { RuleGroup } from '@loa/engine';
import { leafRules } from './segment-rule.schema';

export interface SegmentRuleRow {
  id: string;
  rule: RuleGroup;
}

/** The segments a rule refers to, each once. */
export function referencedSegments(rule: RuleGroup): string[] {
  const ids = leafRules(rule).flatMap(({ rule: leaf }) => (leaf.kind === 'segment' ? [leaf.segmentId] : []));
  return [...new Set(ids)];
}

/**
 * The chain of references from segment `id` (with `rule`) back to itself, e.g. [a, b, a]; undefined when there
 * is no cycle. `others` are the workspace's stored segments.
 */
export function referenceCycle(
  id: string,
  rule: RuleGroup,
  others: readonly SegmentRuleRow[],
): string[] | undefined {
  const references = new Map(others.map((segment) => [segment.id, referencedSegments(segment.rule)]));
  references.set(id, referencedSegments(rule));
  const visited = new Set<string>();
  const walk = (current: string, chain: string[]): string[] | undefined => {
    for (const next of references.get(current) ?? []) {
      if (next === id) return [...chain, next];
      if (visited.has(next)) continue;
      visited.add(next);
      const found = walk(next, [...chain, next]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(id, [id]);
}

/** Segment ids ordered so every segment comes after the segments it refers to. */
export function refreshOrder(segments: readonly SegmentRuleRow[]): string[] {
  const byId = new Map(segments.map((segment) => [segment.id, segment]));
  const ordered: string[] = [];
  const placed = new Set<string>();
  const place = (id: string, path: Set<string>) => {
    if (placed.has(id) || path.has(id)) return;
    const segment = byId.get(id);
    if (!segment) return;
    path.add(id);
    for (const dependency of referencedSegments(segment.rule)) place(dependency, path);
    path.delete(id);
    placed.add(id);
    ordered.push(id);
  };
  for (const segment of segments) place(segment.id, new Set());
  return ordered;
}

/** `id` and every segment that refers to it, directly or through others, in refresh order. */
export function withDependents(id: string, segments: readonly SegmentRuleRow[]): string[] {
  const affected = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const segment of segments) {
      if (affected.has(segment.id)) continue;
      if (referencedSegments(segment.rule).some((reference) => affected.has(reference))) {
        affected.add(segment.id);
        grew = true;
      }
    }
  }
  return refreshOrder(segments).filter((segmentId) => affected.has(segmentId));
}

/** Whether membership can change with time alone: relative dates, event windows, or a segment that does. */
export function timeDependentSegments(segments: readonly SegmentRuleRow[]): Set<string> {
  const direct = (rule: RuleGroup) =>
    leafRules(rule).some(
      ({ rule: leaf }) =>
        leaf.kind === 'event_seen' || (leaf.kind === 'attribute' && leaf.period !== undefined),
    );
  const dependent = new Set(segments.filter((segment) => direct(segment.rule)).map((segment) => segment.id));
  for (const id of [...dependent]) for (const other of withDependents(id, segments)) dependent.add(other);
  return dependent;
}
