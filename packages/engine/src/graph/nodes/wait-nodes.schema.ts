import { z } from 'zod';
import {
  durationSchema,
  eventNameSchema,
  fieldPathSchema,
  labelSchema,
  propertyFilterSchema,
  timeOfDaySchema,
  weekdaySchema,
} from '../common.schema';

export const delaySchema = z.object({
  label: labelSchema,
  amount: durationSchema.shape.amount,
  unit: durationSchema.shape.unit,
});

export const waitUntilSchema = z.object({
  label: labelSchema,
  until: z.discriminatedUnion('kind', [
    /** The next moment at this time of day on an allowed weekday (now, if it is that moment). */
    z.object({
      kind: z.literal('time_of_day'),
      time: timeOfDaySchema,
      weekdays: z
        .array(weekdaySchema)
        .min(1, 'choose at least one weekday')
        .max(7)
        .default([1, 2, 3, 4, 5, 6, 7]),
    }),
    /** A contact date attribute plus or minus days, at a time of day. */
    z.object({
      kind: z.literal('date_attribute'),
      attribute: fieldPathSchema,
      offsetDays: z.number().int().min(-365).max(365),
      time: timeOfDaySchema,
    }),
  ]),
});

export const waitEventSchema = z.object({
  label: labelSchema,
  event: eventNameSchema,
  filter: propertyFilterSchema.optional(),
  /** Property that must equal the entry event's entry key (e.g. orderId on order.paid). */
  matchEntryKey: fieldPathSchema.optional(),
  /** How long to wait before taking the timeout handle; required (a wait without end never exits). */
  timeout: durationSchema.optional(),
});
