import { z } from 'zod';

/** Node and edge ids: what the builder generates and what plans use as step ids. */
export const idSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, _ and -');

export const labelSchema = z.string().trim().max(120, 'must be at most 120 characters').optional();

export const timeUnitSchema = z.enum(['minutes', 'hours', 'days', 'weeks']);
export type TimeUnit = z.infer<typeof timeUnitSchema>;

export const durationSchema = z.object({
  amount: z.number().int('must be a whole number').positive('must be greater than 0').max(100_000),
  unit: timeUnitSchema,
});
export type Duration = z.infer<typeof durationSchema>;

/** "HH:MM", 24-hour clock, in the campaign timezone unless said otherwise. */
export const timeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day such as 09:30');

/** ISO weekday numbers: 1 = Monday … 7 = Sunday. */
export const weekdaySchema = z.number().int().min(1).max(7);

/** A text with Liquid expressions over contact and event data, e.g. "Xin chào {{ contact.firstName }}". */
export const liquidTextSchema = z.string().max(20_000, 'must be at most 20,000 characters');

export const eventNameSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'may contain only letters, digits and _ . : -');

/** A dotted path into contact attributes or event properties, e.g. "attributes.city" or "orderId". */
export const fieldPathSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(200)
  .regex(
    /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/,
    'must be a field name such as city or order.total',
  );

export const scalarSchema = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);
export type Scalar = z.infer<typeof scalarSchema>;

export const comparisonOperatorSchema = z.enum([
  'equals',
  'not_equals',
  'contains',
  'not_contains',
  'starts_with',
  'greater_than',
  'greater_or_equal',
  'less_than',
  'less_or_equal',
  'exists',
  'not_exists',
  'in',
  'not_in',
]);
export type ComparisonOperator = z.infer<typeof comparisonOperatorSchema>;

/** One comparison of a field with a value; `in`/`not_in` take a list. */
export const comparisonSchema = z.object({
  field: fieldPathSchema,
  operator: comparisonOperatorSchema,
  value: z.union([scalarSchema, z.array(scalarSchema).max(500)]).optional(),
});
export type Comparison = z.infer<typeof comparisonSchema>;

/** Event property filter: every comparison must hold (all), or at least one (any). */
export const propertyFilterSchema = z.object({
  match: z.enum(['all', 'any']).default('all'),
  conditions: z.array(comparisonSchema).max(50),
});
export type PropertyFilter = z.infer<typeof propertyFilterSchema>;

/** Message purpose decides guards: care/transactional and OTP bypass caps, advertising obeys Decree 91. */
export const messagePurposeSchema = z.enum(['transactional', 'care', 'otp', 'advertising']);
export type MessagePurpose = z.infer<typeof messagePurposeSchema>;
