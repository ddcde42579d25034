import { createHash } from 'node:crypto';
import { parseCampaignGraph } from '../graph/graph.schema';
import { znsWithSmsFallbackGraph } from '../testing/sample-graphs';
import { buildPlan } from './build-plan';
import { canonicalJson } from './canonical-json';
import { EXIT_COMPLETED, EXIT_FAILED } from './plan.types';

const identity = { campaignId: 'cmp-1', versionId: 'v1' };

describe('buildPlan', () => {
  it('turns nodes into steps with explicit next pointers and synthetic exits for open handles', () => {
    const plan = buildPlan(parseCampaignGraph(znsWithSmsFallbackGraph()), identity);
    expect(plan.entryStepId).toBe('zns');
    expect(plan.trigger).toEqual({ type: 'trigger.event', event: 'order.created', entryKey: 'orderId' });
    expect(plan.steps.zns).toMatchObject({
      kind: 'send',
      channel: 'zns',
      purpose: 'care',
      onSuccess: 'wait',
      onFailure: 'sms',
    });
    expect(plan.steps.sms).toMatchObject({
      kind: 'send',
      channel: 'sms',
      onSuccess: 'wait',
      onFailure: EXIT_FAILED,
    });
    expect(plan.steps.wait).toEqual({ kind: 'delay', durationMs: 2 * 86_400_000, next: 'split' });
    expect(plan.steps.split).toEqual({
      kind: 'split',
      variants: [
        { id: 'a', weight: 50, holdout: false, next: 'done' },
        { id: 'b', weight: 50, holdout: false, next: EXIT_COMPLETED },
      ],
    });
    expect(plan.steps[EXIT_FAILED]).toEqual({ kind: 'exit', reason: 'failed' });
    expect(plan.steps[EXIT_COMPLETED]).toEqual({ kind: 'exit', reason: 'completed' });
    expect(plan.steps.done).toEqual({ kind: 'exit', reason: 'thanked' });
  });

  it('gives equal graphs byte-equal plans and the same hash', () => {
    const first = buildPlan(parseCampaignGraph(znsWithSmsFallbackGraph()), identity);
    const second = buildPlan(parseCampaignGraph(znsWithSmsFallbackGraph()), identity);
    expect(canonicalJson(first)).toBe(canonicalJson(second));
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores positions, labels, node and edge order, and the campaign/version ids in the hash', () => {
    const base = buildPlan(parseCampaignGraph(znsWithSmsFallbackGraph()), identity);
    const moved = znsWithSmsFallbackGraph();
    moved.nodes = moved.nodes.map((node) => ({
      ...node,
      position: { x: node.position.x + 500, y: 7 },
      data: { ...node.data, label: 'renamed' },
    })) as typeof moved.nodes;
    moved.nodes.reverse();
    moved.edges.reverse();
    const other = buildPlan(parseCampaignGraph(moved), { campaignId: 'cmp-2', versionId: 'v9' });
    expect(other.hash).toBe(base.hash);
  });

  it('gives the same hash with a native SHA-256 as with the built-in one', () => {
    const native = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
    const graph = parseCampaignGraph(znsWithSmsFallbackGraph());
    expect(buildPlan(graph, identity, { sha256Hex: native }).hash).toBe(buildPlan(graph, identity).hash);
  });

  it('changes the hash when behaviour changes', () => {
    const base = buildPlan(parseCampaignGraph(znsWithSmsFallbackGraph()), identity);
    const changed = znsWithSmsFallbackGraph();
    const wait = changed.nodes.find((node) => node.id === 'wait');
    if (wait?.type === 'wait.delay') wait.data.amount = 3;
    expect(buildPlan(parseCampaignGraph(changed), identity).hash).not.toBe(base.hash);
  });

  it('leaves out nodes the trigger cannot reach', () => {
    const graph = znsWithSmsFallbackGraph();
    graph.nodes.push({
      id: 'orphan',
      type: 'wait.delay',
      position: { x: 0, y: 0 },
      data: { amount: 1, unit: 'hours' },
    });
    expect(buildPlan(parseCampaignGraph(graph), identity).steps.orphan).toBeUndefined();
  });
});
