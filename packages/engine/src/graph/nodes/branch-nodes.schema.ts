import { z } from 'zod';
import {
  comparisonSchema,
  eventNameSchema,
  idSchema,
  labelSchema,
  propertyFilterSchema,
} from '../common.schema';

export const sendOutcomeSchema = z.enum(['sent', 'delivered', 'seen', 'failed']);
export type SendOutcome = z.infer<typeof sendOutcomeSchema>;

export const ruleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('attribute'), ...comparisonSchema.shape }),
  z.object({ kind: z.literal('tag'), tag: z.string().min(1).max(100), has: z.boolean().default(true) }),
  z.object({
    kind: z.literal('event_seen'),
    event: eventNameSchema,
    withinDays: z.number().int().min(1).max(3650),
    filter: propertyFilterSchema.optional(),
  }),
  z.object({ kind: z.literal('send_outcome'), nodeId: idSchema, outcome: sendOutcomeSchema }),
]);
export type Rule = z.infer<typeof ruleSchema>;

export interface RuleGroup {
  match: 'all' | 'any';
  rules: Array<Rule | RuleGroup>;
}

export const ruleGroupSchema: z.ZodType<RuleGroup> = z.lazy(() =>
  z.object({
    match: z.enum(['all', 'any']),
    rules: z
      .array(z.union([ruleSchema, ruleGroupSchema]))
      .min(1, 'add at least one rule')
      .max(50),
  }),
);

export const conditionSchema = z.object({
  label: labelSchema,
  rule: ruleGroupSchema,
});

export const splitVariantSchema = z.object({
  /** Also the out handle of this variant. */
  id: idSchema,
  label: labelSchema,
  /** Percentage of contacts; all variants together must make 100. */
  weight: z.number().int().min(0).max(100),
  /** A holdout receives nothing and measures the baseline conversion. */
  holdout: z.boolean().default(false),
});

export const splitSchema = z.object({
  label: labelSchema,
  variants: z.array(splitVariantSchema).min(2, 'a split needs at least two variants').max(10),
});
