import { connectTimeSkippingEnvironment } from '@loa/testing';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { MAX_HTTP_TIMEOUT_SECONDS } from '../graph/nodes/http-limits';
import { compileGraph } from '../plan/compile-graph';
import { fakeJourneyActivities } from './testing/fake-journey-activities';
import { startJourney, withWorker } from './testing/journey-test-kit';

describe('the callHttp activity time limit', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await connectTimeSkippingEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('is above the longest HTTP step timeout with a margin, so a slow answer is not called twice', async () => {
    const compiled = compileGraph(
      {
        schemaVersion: 1,
        nodes: [
          { id: 'start', type: 'trigger.manual', data: {}, position: { x: 0, y: 0 } },
          {
            id: 'hook',
            type: 'http.request',
            data: {
              method: 'POST',
              url: 'https://crm.example.vn/hook',
              timeoutSeconds: MAX_HTTP_TIMEOUT_SECONDS,
            },
            position: { x: 0, y: 100 },
          },
        ],
        edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'hook' }],
        settings: {},
      },
      { campaignId: 'http-timeout', versionId: 'v1' },
    );
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
    const fake = fakeJourneyActivities({ contacts: { 'kh-1': { attributes: {}, tags: [] } } });
    const history = await withWorker(env, fake.activities, async (taskQueue) => {
      const handle = await startJourney(env, taskQueue, { plan: compiled.plan, contactId: 'kh-1' });
      await handle.result();
      return handle.fetchHistory();
    });
    const scheduled = (history.events ?? []).flatMap((event) => {
      const attributes = event.activityTaskScheduledEventAttributes;
      return attributes?.activityType?.name === 'callHttp' ? [attributes] : [];
    });
    expect(scheduled).toHaveLength(1);
    const limitSeconds = Number(scheduled[0]!.startToCloseTimeout?.seconds ?? 0);
    expect(limitSeconds).toBeGreaterThanOrEqual(MAX_HTTP_TIMEOUT_SECONDS + 30);
  });
});
