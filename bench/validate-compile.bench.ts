// Validate + compile of a 1,000-node graph (DESIGN §11: well under 20 ms). Prints the figures and the ratio
// target / median (above 1 meets the target).
import { compileGraph, validateGraph } from '@loa/engine';
import { cpus } from 'node:os';
import { largeCampaignGraph } from './support/large-graph';
import { measureSync, percentile, round } from './support/measure';

const TARGET_MS = 20;
const graph = largeCampaignGraph(1000);
const identity = { campaignId: 'bench', versionId: 'v1' };

const check = compileGraph(graph, identity);
if (!check.ok)
  throw new Error(`the benchmark graph must be valid: ${JSON.stringify(check.diagnostics.slice(0, 3))}`);

const validateOnly = measureSync(() => validateGraph(graph), { warmup: 20, runs: 100 });
const validateAndCompile = measureSync(() => compileGraph(graph, identity), { warmup: 20, runs: 100 });
const median = percentile(validateAndCompile, 50);

console.log(
  JSON.stringify(
    {
      benchmark: 'validate+compile 1,000-node graph',
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
      nodes: graph.nodes.length,
      edges: graph.edges.length,
      steps: Object.keys(check.plan.steps).length,
      validateMedianMs: round(percentile(validateOnly, 50)),
      validateCompileMedianMs: round(median),
      validateCompileP95Ms: round(percentile(validateAndCompile, 95)),
      targetMs: TARGET_MS,
      ratio: round(TARGET_MS / median),
      verdict: median < TARGET_MS ? 'meets target (ratio > 1)' : 'misses target',
    },
    null,
    2,
  ),
);
