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

  it('bind every activity of contactJourney, cohortJourney and campaignRun: the startup warning names none', () => {
    const { activities, unbound } = bindJourneyActivities((token) => context.get(token, { strict: false }));
    expect(unbound).toEqual([]);
    expect(Object.keys(activities).sort()).toEqual(
      [
        'callHttp',
        'evaluateCondition',
        'fetchAudiencePage',
        'getCampaignState',
        'getRunSettings',
        'performJourneyBatch',
        'readContactAttributes',
        'recordJourney',
        'sendEmail',
        'sendOa',
        'sendSms',
        'sendZns',
        'startCohort',
        'startJourneys',
        'updateContact',
      ].sort(),
    );
  });
});
