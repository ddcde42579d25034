import { z } from 'zod';

/** How many upcoming run times the schedule view lists. */
export const NEXT_RUNS_LISTED = 5;

export const scheduledRunSchema = z.object({
  scheduledAt: z.string().describe('When the run was due (ISO 8601)'),
  startedAt: z.string().describe('When the schedule started it (ISO 8601)'),
});

export const campaignScheduleSchema = z.object({
  scheduled: z
    .boolean()
    .describe(
      'Whether the campaign has a live schedule: it is active or paused and its current version has a ' +
        '`trigger.schedule` or `trigger.date`',
    ),
  paused: z.boolean().describe('The schedule is paused with its campaign: due runs do not start'),
  nextRuns: z
    .array(z.string())
    .describe(
      `The next times a run will start (ISO 8601, at most ${NEXT_RUNS_LISTED}); empty when none is left`,
    ),
  recentRuns: z.array(scheduledRunSchema).describe('Runs the schedule started, the newest last'),
  runningRuns: z.number().int().min(0).describe('Runs started by the schedule still in progress'),
});
export type CampaignSchedule = z.infer<typeof campaignScheduleSchema>;
