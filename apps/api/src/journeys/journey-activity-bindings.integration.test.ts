import type { INestApplicationContext } from '@nestjs/common';
import { bindJourneyActivities } from './journey-activity-bindings';
import { journeysTestContext } from './testing/journeys-test-context';

describe("the worker's activity bindings", () => {
  let context: INestApplicationContext;

  beforeAll(async () => {
    context = await journeysTestContext();
  });

  afterAll(async () => {
    await context?.close();
  });

  it("bind every journey activity and name campaignRun's, not bound yet, for the startup warning", () => {
    const { activities, unbound } = bindJourneyActivities((token) => context.get(token, { strict: false }));
    expect(unbound).toEqual(['fetchAudiencePage', 'startJourneys']);
    expect(Object.keys(activities).sort()).toEqual(
      [
        'callHttp',
        'evaluateCondition',
        'getCampaignState',
        'readContactAttributes',
        'recordJourney',
        'sendEmail',
        'sendOa',
        'sendSms',
        'sendZns',
        'updateContact',
      ].sort(),
    );
  });
});
