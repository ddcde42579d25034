import type { z } from 'zod';
import type { splitSchema } from '../graph/nodes/branch-nodes.schema';
import type { DiagnosticSink } from './diagnostics';
import type { NodeInfo } from './graph-index';
import { formatPath } from './paths';
import { quote } from './text';

type SplitConfig = z.output<typeof splitSchema>;

/** A/B splits: weights make 100, variant ids (also the out handles) are unique. */
export function checkSplits(nodes: readonly NodeInfo[], sink: DiagnosticSink): void {
  for (const node of nodes) {
    if (node.type !== 'branch.split' || node.config === undefined) continue;
    const { variants } = node.config as SplitConfig;
    const total = variants.reduce((sum, variant) => sum + variant.weight, 0);
    if (total !== 100) {
      sink.add(
        'SPLIT_WEIGHTS_NOT_100',
        `${node.name} shares out ${total}% of contacts; the variants must add up to exactly 100%.`,
        { nodeId: node.id, path: formatPath([...node.path, 'data', 'variants']), params: { total } },
      );
    }
    const seen = new Set<string>();
    variants.forEach((variant, index) => {
      if (seen.has(variant.id)) {
        sink.add(
          'DUPLICATE_VARIANT_ID',
          `${node.name} has two variants with the id ${quote(variant.id)}: give each variant its own id.`,
          {
            nodeId: node.id,
            path: formatPath([...node.path, 'data', 'variants', index, 'id']),
            params: { variant: variant.id },
          },
        );
      }
      seen.add(variant.id);
    });
  }
}
