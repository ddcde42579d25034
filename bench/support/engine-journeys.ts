// The engine-only journey of bench/journey-throughput.bench.ts (trigger -> send -> exit, activities faked at the
// provider boundary), shared with bench/product-journeys.bench.ts, which measures it next to the whole product.
import {
  compileGraph,
  type Plan,
  type JourneyActivities,
  type SendActivityInput,
  type SendActivityResult,
} from '@loa/engine';
import type { Client } from '@temporalio/client';
import { runPool } from './run-pool';

export const engineBenchGraph = {
  schemaVersion: 1,
  nodes: [
    { id: 'start', type: 'trigger.event', position: { x: 0, y: 0 }, data: { event: 'order.created' } },
    {
      id: 'zns',
      type: 'send.zns',
      position: { x: 0, y: 100 },
      data: { accountId: 'oa-loa-shop', templateId: '231456', params: { order_code: '{{ event.orderId }}' } },
    },
    { id: 'done', type: 'flow.exit', position: { x: 0, y: 200 }, data: { reason: 'sent' } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'zns' },
    { id: 'e2', source: 'zns', sourceHandle: 'success', target: 'done' },
  ],
};

export function engineBenchPlan(): Plan {
  const compiled = compileGraph(engineBenchGraph, { campaignId: 'bench', versionId: 'v1' });
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
  return compiled.plan;
}

/** The provider boundary: an in-memory ledger that answers at once, so only the orchestration is measured. */
export function fakeActivities(): Partial<JourneyActivities> {
  const ledger = new Map<string, SendActivityResult>();
  const send = async (input: SendActivityInput): Promise<SendActivityResult> => {
    const known = ledger.get(input.idempotencyKey);
    if (known) return known;
    const result: SendActivityResult = { status: 'sent', messageId: input.idempotencyKey };
    ledger.set(input.idempotencyKey, result);
    return result;
  };
  return { sendZns: send, recordJourney: async () => undefined, getCampaignState: async () => 'active' };
}

/** Runs `count` contactJourney workflows of `plan`, `concurrency` in flight; answers journeys per second. */
export async function engineOnlyRound(input: {
  client: Client;
  taskQueue: string;
  plan: Plan;
  round: string;
  count: number;
  concurrency: number;
}): Promise<number> {
  const started = performance.now();
  await runPool(input.count, input.concurrency, (index) =>
    input.client.workflow.execute('contactJourney', {
      taskQueue: input.taskQueue,
      workflowId: `journey:bench:${input.round}-${index}:once`,
      args: [
        { workspaceId: 'bench', contactId: `c-${input.round}-${index}`, plan: input.plan, entryKey: 'once' },
      ],
    }),
  );
  return input.count / ((performance.now() - started) / 1000);
}
