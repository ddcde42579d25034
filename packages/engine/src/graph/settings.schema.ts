import { z } from 'zod';
import {
  durationSchema,
  eventNameSchema,
  idSchema,
  propertyFilterSchema,
  timeOfDaySchema,
} from './common.schema';

export const DEFAULT_TIMEZONE = 'Asia/Ho_Chi_Minh';

export const channelSchema = z.enum(['zns', 'oa', 'sms', 'email']);
export type Channel = z.infer<typeof channelSchema>;

export const campaignSettingsSchema = z.object({
  /** IANA timezone for waits, quiet hours and schedules. */
  timezone: z.string().min(1).max(64).default(DEFAULT_TIMEZONE),
  reEntry: z
    .object({
      /** never: once per contact; after_exit: again once the previous journey ended; always: concurrently, per entry key. */
      mode: z.enum(['never', 'after_exit', 'always']).default('never'),
    })
    .default({ mode: 'never' }),
  /** At most this many enrollments in total; absent = no limit. */
  enrollmentLimit: z.number().int().positive().optional(),
  goal: z
    .object({
      event: eventNameSchema,
      filter: propertyFilterSchema.optional(),
      /** Conversions count within this window after entry. */
      window: durationSchema,
      /** Leave the journey as soon as the goal is reached. */
      exitOnGoal: z.boolean().default(true),
    })
    .optional(),
  /** No advertising sends between start and end (campaign timezone); sends wait for the end. */
  quietHours: z
    .object({ start: timeOfDaySchema, end: timeOfDaySchema })
    .refine((hours) => hours.start !== hours.end, { message: 'start and end must differ', path: ['end'] })
    .optional(),
  /** Per-contact caps across all campaigns; Decree 91 defaults apply to advertising SMS and email regardless. */
  frequencyCaps: z
    .array(
      z.object({ channel: channelSchema, max: z.number().int().positive().max(1000), per: durationSchema }),
    )
    .max(10)
    .default([]),
  /** Messages per second per channel account. */
  sendRateLimits: z.record(idSchema, z.number().positive().max(10_000)).default({}),
});

export type CampaignSettings = z.output<typeof campaignSettingsSchema>;
export type CampaignSettingsInput = z.input<typeof campaignSettingsSchema>;
