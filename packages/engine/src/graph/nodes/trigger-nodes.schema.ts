import { z } from 'zod';
import {
  eventNameSchema,
  fieldPathSchema,
  idSchema,
  labelSchema,
  propertyFilterSchema,
  timeOfDaySchema,
} from '../common.schema';

export const eventTriggerSchema = z.object({
  label: labelSchema,
  event: eventNameSchema,
  filter: propertyFilterSchema.optional(),
  /** Property of the entry event that makes entries distinct (e.g. orderId), used with re-entry. */
  entryKey: fieldPathSchema.optional(),
});

export const segmentTriggerSchema = z.object({
  label: labelSchema,
  segmentId: idSchema,
});

export const audienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('segment'), segmentId: idSchema }),
  z.object({ kind: z.literal('tag'), tag: z.string().min(1).max(100) }),
  z.object({ kind: z.literal('all') }),
]);
export type Audience = z.infer<typeof audienceSchema>;

/** Local date-time without offset, read in the trigger's timezone: "2026-12-24T09:00". */
export const localDateTimeSchema = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/,
    'must be a local date and time such as 2026-12-24T09:00',
  );

export const scheduleTriggerSchema = z.object({
  label: labelSchema,
  audience: audienceSchema,
  schedule: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('once'), at: localDateTimeSchema }),
    z.object({ kind: z.literal('recurring'), cron: z.string().min(9).max(100) }),
  ]),
  /** IANA timezone; the campaign timezone when absent. */
  timezone: z.string().min(1).max(64).optional(),
  endsAt: localDateTimeSchema.optional(),
});

export const dateTriggerSchema = z.object({
  label: labelSchema,
  /** Contact date attribute, e.g. birthday or renewalDate. */
  attribute: fieldPathSchema,
  /** Days relative to the date: -3 = three days before, 0 = on the day. */
  offsetDays: z.number().int().min(-365).max(365),
  timeOfDay: timeOfDaySchema,
  /** Birthdays recur every year; a renewal date happens once. */
  recurring: z.enum(['yearly', 'once']).default('yearly'),
});

export const manualTriggerSchema = z.object({ label: labelSchema });
