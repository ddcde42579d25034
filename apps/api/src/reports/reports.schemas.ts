import { z } from 'zod';

const isoTime = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value))
  .describe('ISO 8601 date-time with offset, e.g. 2026-12-01T00:00:00+07:00');

export const reportQuerySchema = z
  .object({
    version: z.coerce.number().int().min(1).optional().describe('Only this campaign version (its number)'),
    from: isoTime.optional().describe('Journeys that entered, and messages created, at or after this time'),
    to: isoTime.optional().describe('... and before this time'),
  })
  .refine((query) => !query.from || !query.to || query.from < query.to, {
    message: 'must be after from',
    path: ['to'],
  });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

export const SERIES_INTERVALS = ['hour', 'day'] as const;
export const seriesQuerySchema = z
  .object({
    version: z.coerce.number().int().min(1).optional().describe('Only this campaign version (its number)'),
    from: isoTime.optional(),
    to: isoTime.optional(),
    interval: z.enum(SERIES_INTERVALS).default('day').describe('Bucket size (UTC)'),
  })
  .refine((query) => !query.from || !query.to || query.from < query.to, {
    message: 'must be after from',
    path: ['to'],
  });
export type SeriesQuery = z.infer<typeof seriesQuerySchema>;

const count = z.number().int().min(0);

const reportWindowSchema = z.object({
  version: z.number().int().nullable().describe('The version asked for; null: all versions'),
  from: z.string().nullable(),
  to: z.string().nullable(),
});

export const journeyFiguresSchema = z.object({
  entered: count,
  inProgress: count,
  completed: count.describe('Exited with reason `completed`'),
  exited: count,
  exitedByReason: z.record(z.string(), count),
  conversions: count.describe('Journeys that reached the campaign goal within its window'),
  conversionRate: z.number().nullable(),
});
export type JourneyFigures = z.infer<typeof journeyFiguresSchema>;

export const campaignOverviewSchema = z.object({
  campaignId: z.uuid(),
  window: reportWindowSchema,
  overall: journeyFiguresSchema,
  versions: z.array(
    journeyFiguresSchema.extend({ version: z.number().int().nullable(), versionId: z.string() }),
  ),
});
export type CampaignOverview = z.infer<typeof campaignOverviewSchema>;

const errorCountSchema = z.object({
  code: z.string(),
  count,
  meaning: z.string().nullable().describe("The provider's meaning of the code, from Loa's connector tables"),
});

export const nodeReportSchema = z.object({
  campaignId: z.uuid(),
  window: reportWindowSchema,
  nodes: z
    .array(
      z.object({
        stepId: z.string(),
        entered: count.describe('Visits: succeeded + failed + exited + waitingNow'),
        waitingNow: count.describe('Journeys in progress at this step now (waiting, deferred, held)'),
        succeeded: count,
        failed: count.describe('Failed or blocked sends, failed webhooks, failed contact updates'),
        exited: count.describe('Journeys that left the campaign here (an exit step, the goal, a stop)'),
        outcomes: z.record(z.string(), count).describe('Every recorded outcome of the step'),
        topErrors: z
          .array(errorCountSchema)
          .describe('The most frequent error codes of the step’s failed messages'),
      }),
    )
    .describe(
      'Every step of the versions in scope (zero where no journey came), and any other step with events',
    ),
});
export type NodeReport = z.infer<typeof nodeReportSchema>;

export const channelReportSchema = z.object({
  campaignId: z.uuid(),
  window: reportWindowSchema,
  conversions: count,
  totalCostVnd: z.number(),
  costPerConversionVnd: z.number().nullable(),
  accounts: z.array(
    z.object({
      channel: z.string(),
      accountId: z.uuid(),
      accountName: z.string(),
      accountKind: z.string(),
      messages: count.describe('Ledger rows'),
      sent: count.describe('Accepted by the provider'),
      delivered: count,
      seen: count,
      failed: count,
      failedByCode: z.array(errorCountSchema),
      costVnd: z.number().describe('ZNS is billed only when delivered'),
      costPerConversionVnd: z.number().nullable(),
      otherCosts: z
        .array(z.object({ currency: z.string(), amount: z.number() }))
        .describe(
          'Costs the provider billed in another currency (Twilio: USD), not converted nor in costVnd',
        ),
    }),
  ),
});
export type ChannelReport = z.infer<typeof channelReportSchema>;

export const splitReportSchema = z.object({
  campaignId: z.uuid(),
  window: reportWindowSchema,
  splits: z.array(
    z.object({
      stepId: z.string(),
      label: z.string().nullable(),
      variants: z.array(
        z.object({
          variantId: z.string(),
          label: z.string().nullable(),
          holdout: z.boolean(),
          entered: count,
          converted: count.describe('Converted after taking this variant'),
          conversionRate: z.number().nullable(),
          confidenceInterval: z
            .object({ low: z.number(), high: z.number() })
            .nullable()
            .describe('95% Wilson score interval'),
        }),
      ),
      test: z.object({
        state: z.enum(['tested', 'notEnoughData']),
        reason: z.string().optional(),
        chiSquared: z.number().optional(),
        degreesOfFreedom: z.number().int().optional(),
        pValue: z.number().optional(),
        significant: z.boolean().describe('p < 0.05 (false when notEnoughData)'),
        minExpected: z.number().nullable(),
      }),
      tooEarlyToCall: z
        .boolean()
        .describe('Do not call a winner yet: no valid test, or a variant has under 100 journeys'),
    }),
  ),
});
export type SplitReport = z.infer<typeof splitReportSchema>;

export const seriesReportSchema = z.object({
  campaignId: z.uuid(),
  window: reportWindowSchema,
  interval: z.enum(SERIES_INTERVALS),
  points: z.array(z.object({ at: z.string(), entries: count, sends: count, conversions: count })),
});
export type SeriesReport = z.infer<typeof seriesReportSchema>;
