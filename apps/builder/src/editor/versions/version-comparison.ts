import { diffDecorations, diffDisplayGraph, diffGraphs, type DiffGraph, type GraphDiff } from './graph-diff';

/** What the version page compares the version with: nothing, the draft, or another version. */
export type CompareTarget = { kind: 'none' } | { kind: 'draft' } | { kind: 'version'; version: number };

/** `?compare=draft` or `?compare=3` (so that a comparison can be shared as a link); anything else is none. */
export function parseCompare(value: string | null, version: number): CompareTarget {
  if (value === 'draft') return { kind: 'draft' };
  const number = Number(value);
  if (value !== null && Number.isInteger(number) && number > 0 && number !== version)
    return { kind: 'version', version: number };
  return { kind: 'none' };
}

export function compareParam(target: CompareTarget): string | undefined {
  if (target.kind === 'draft') return 'draft';
  if (target.kind === 'version') return String(target.version);
  return undefined;
}

export interface Comparison<G extends DiffGraph> {
  /** The graph the canvas draws: the newer one with the removed nodes ghosted. */
  graph: G;
  decorations: Record<string, string>;
  diff: GraphDiff;
  /** Which side is older: the viewed version, or the other graph. */
  viewedIsOlder: boolean;
}

/**
 * Compares the viewed version with another graph, always from the older to the newer (the draft is newest), so
 * that "added" means added since the older one.
 */
export function compareGraphs<G extends DiffGraph>(
  viewed: G,
  other: G,
  target: Exclude<CompareTarget, { kind: 'none' }>,
  viewedVersion: number,
): Comparison<G> {
  const viewedIsOlder = target.kind === 'draft' || target.version > viewedVersion;
  const [from, to] = viewedIsOlder ? [viewed, other] : [other, viewed];
  const diff = diffGraphs(from, to);
  return { graph: diffDisplayGraph(from, to, diff), decorations: diffDecorations(diff), diff, viewedIsOlder };
}
