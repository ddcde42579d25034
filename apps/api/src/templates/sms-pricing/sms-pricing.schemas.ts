import { z } from 'zod';

export const smsPricingParamsSchema = z.object({ id: z.uuid() });

export const putSmsPricingBodySchema = z.object({
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as VND or USD')
    .default('VND'),
  perSegment: z
    .number()
    .min(0, 'must not be negative')
    .max(1_000_000_000, 'is too large')
    .refine(
      (value) =>
        Number.isInteger(Math.round(value * 1e4)) && Math.abs(value * 1e4 - Math.round(value * 1e4)) < 1e-6,
      {
        message: 'has at most 4 decimals',
      },
    )
    .describe('Price of one SMS segment (one part of a long or Unicode message) in `currency`'),
});

export const smsPriceSchema = z.object({
  accountId: z.uuid(),
  currency: z.string(),
  perSegment: z.number(),
  source: z
    .enum(['account', 'default'])
    .describe("account: set for this account; default: the kind's indicative price (set one for real costs)"),
});

export const smsCostEstimateSchema = smsPriceSchema.extend({
  segments: z.number().int(),
  total: z.number().describe('segments × perSegment'),
});
