import { ApplicationFailure } from '@temporalio/common';
import type { JourneyActivities } from './journey-contract';
import { BATCH_ITEM_NOT_STARTED } from './cohort-contract';
import { journeyBatchActivity } from './journey-batch-activity';

const journey = (contactId: string) => ({ contactId, workflowId: `journey:c1:${contactId}:once` });

function activitiesThat(overrides: Partial<JourneyActivities>): JourneyActivities {
  return overrides as JourneyActivities;
}

describe('journeyBatchActivity', () => {
  it('runs each item through its per-contact activity, in order, each with its own result or failure', async () => {
    const seen: string[] = [];
    const { performJourneyBatch } = journeyBatchActivity(
      activitiesThat({
        async readContactAttributes({ journey: ref, fields }) {
          seen.push(ref.contactId);
          if (ref.contactId === 'k2')
            throw ApplicationFailure.create({
              type: 'LoaContactGone',
              message: 'erased',
              nonRetryable: true,
            });
          if (ref.contactId === 'k3') throw new TypeError('boom');
          return { [fields[0]!]: ref.contactId };
        },
      }),
      { concurrency: 2 },
    );
    const results = await performJourneyBatch({
      activity: 'readContactAttributes',
      shared: { fields: ['name'], journey: { workspaceId: 'ws', campaignId: 'c1' } },
      items: ['k1', 'k2', 'k3'].map((id) => ({ journey: journey(id) })),
    });
    expect(results).toEqual([
      { ok: { name: 'k1' } },
      { error: { type: 'LoaContactGone', message: 'erased', nonRetryable: true } },
      { error: { type: 'TypeError', message: 'boom', nonRetryable: false } },
    ]);
    expect(seen.sort()).toEqual(['k1', 'k2', 'k3']);
  });

  it('gives a whole batch to an activity that takes one, and runs its items alone when it fails', async () => {
    const alone: string[] = [];
    const batches: number[] = [];
    let wholeFails = false;
    const recordJourney: JourneyActivities['recordJourney'] = async ({ journey: ref }) => {
      alone.push(ref.contactId);
      if (ref.contactId === 'bad') throw new Error('no such enrollment');
    };
    const { performJourneyBatch } = journeyBatchActivity(activitiesThat({ recordJourney }), {
      whole: {
        recordJourney: async (inputs) => {
          batches.push(inputs.length);
          if (wholeFails) throw new Error('one record is bad');
          return inputs.map((input) =>
            input.journey.contactId === 'c'
              ? { status: 'rejected' as const, reason: new Error('this one failed') }
              : { status: 'fulfilled' as const, value: undefined },
          );
        },
      },
    });
    const batch = (ids: string[]) =>
      performJourneyBatch({
        activity: 'recordJourney',
        shared: { firstSeq: 0, entries: [], status: 'active' },
        items: ids.map((id) => ({ journey: journey(id) })),
      });
    expect(await batch(['a', 'b', 'c'])).toEqual([
      { ok: null },
      { ok: null },
      { error: { type: 'Error', message: 'this one failed', nonRetryable: false } },
    ]);
    expect(alone).toEqual([]);
    wholeFails = true;
    expect(await batch(['a', 'bad'])).toEqual([
      { ok: null },
      { error: { type: 'Error', message: 'no such enrollment', nonRetryable: false } },
    ]);
    expect(alone).toEqual(['a', 'bad']);
    expect(batches).toEqual([3, 2]);
  });

  it('starts an item only while it can finish before the batch time limit; the others are answered not started', async () => {
    let clock = 1_000_000;
    const called: string[] = [];
    const { performJourneyBatch } = journeyBatchActivity(
      activitiesThat({
        async callHttp({ journey: ref }) {
          called.push(ref.contactId);
          clock += 40_000; // each call takes 40 s of its 120 s limit
          return { success: true, status: 200 };
        },
      }),
      // A 5-minute batch, 5 s kept in hand: calls may start until 295 s - 120 s = 175 s in.
      { concurrency: 1, timeLimitMs: () => 300_000, now: () => clock },
    );
    const results = await performJourneyBatch({
      activity: 'callHttp',
      shared: { journey: { workspaceId: 'ws', campaignId: 'c1' } },
      items: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7'].map((id) => ({ journey: journey(id) })),
    });
    // Started at 0, 40, 80, 120 and 160 s; at 200 s a call could run past the batch's limit.
    expect(called).toEqual(['h1', 'h2', 'h3', 'h4', 'h5']);
    expect(results.slice(0, 5)).toEqual(Array(5).fill({ ok: { success: true, status: 200 } }));
    expect(results.slice(5)).toEqual(
      Array(2).fill({
        error: expect.objectContaining({ type: BATCH_ITEM_NOT_STARTED, nonRetryable: false }),
      }),
    );
  });

  it('always starts the first item, so that every batch makes progress', async () => {
    const { performJourneyBatch } = journeyBatchActivity(
      activitiesThat({ getCampaignState: async () => 'active' }),
      { concurrency: 1, timeLimitMs: () => 1_000, now: () => 0 },
    );
    const results = await performJourneyBatch({
      activity: 'getCampaignState',
      shared: {},
      items: [{ campaignId: 'c1' }, { campaignId: 'c2' }],
    });
    expect(results[0]).toEqual({ ok: 'active' });
    expect(results[1]).toEqual({ error: expect.objectContaining({ type: BATCH_ITEM_NOT_STARTED }) });
  });
});
