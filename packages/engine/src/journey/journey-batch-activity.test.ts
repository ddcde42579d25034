import { ApplicationFailure } from '@temporalio/common';
import type { JourneyActivities } from './journey-contract';
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
});
