import { connectTimeSkippingEnvironment } from '@loa/testing';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileGraph } from '../plan/compile-graph';
import { startJourney, withWorker } from './testing/journey-test-kit';
import { fakeJourneyActivities } from './testing/fake-journey-activities';
import { recordHistory } from './testing/record-history';

const examplesDir = join(__dirname, '..', '..', 'examples');

/** Each example campaign, run as a real journey, with the entry event its trigger expects. */
const examples = [
  { name: 'welcome-series', event: { name: 'contact.created', properties: { source: 'website' } } },
  {
    name: 'abandoned-cart',
    event: { name: 'cart.abandoned', properties: { orderId: 'DH10245', total: 459000 } },
  },
  {
    name: 'zns-sms-fallback',
    event: { name: 'order.created', properties: { orderId: 'DH20001', total: 250000 } },
  },
  {
    name: 'cod-order-confirmation-oa',
    event: {
      name: 'order.created',
      properties: { orderId: 'DH30001', total: 320000, payment_method: 'COD' },
    },
  },
  { name: 'birthday-voucher' },
  { name: 'ab-test-zns' },
  { name: 'scheduled-broadcast' },
];

describe('the example campaigns as journeys on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await connectTimeSkippingEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it.each(examples)(
    '$name runs to an exit (and its history is a replay fixture)',
    async ({ name, event }) => {
      const graph = JSON.parse(readFileSync(join(examplesDir, `${name}.json`), 'utf8'));
      const compiled = compileGraph(graph, { campaignId: `example-${name}`, versionId: 'v1' });
      if (!compiled.ok) throw new Error(`${name} does not compile: ${JSON.stringify(compiled.diagnostics)}`);
      const contactId = 'kh-001';
      const fake = fakeJourneyActivities({
        contacts: {
          [contactId]: {
            attributes: { name: 'Nguyễn Thị Lan', birthday: '1995-05-20' },
            tags: ['newsletter'],
          },
        },
      });
      const result = await withWorker(env, fake.activities, async (taskQueue) => {
        const handle = await startJourney(env, taskQueue, {
          plan: compiled.plan,
          contactId,
          entryEvent: event && {
            id: `evt-${name}`,
            occurredAt: new Date(await env.currentTimeMs()).toISOString(),
            ...event,
          },
        });
        const outcome = await handle.result();
        await recordHistory(handle, `example-${name}`);
        return outcome;
      });
      expect(result.exitReason).toEqual(expect.any(String));
      expect(result.exitReason).not.toBe('step_limit');
      expect(result.path.length).toBeGreaterThan(1);
      expect(fake.sent().length).toBeGreaterThan(0);
    },
  );
});
