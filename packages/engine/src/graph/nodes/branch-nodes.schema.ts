import { z } from 'zod';
import {
  comparisonOperatorSchema,
  comparisonSchema,
  durationSchema,
  eventNameSchema,
  fieldPathSchema,
  idSchema,
  labelSchema,
  propertyFilterSchema,
} from '../common.schema';

export const sendOutcomeSchema = z.enum(['sent', 'delivered', 'seen', 'failed']);
export type SendOutcome = z.infer<typeof sendOutcomeSchema>;

/** Channels a contact is reached on; each has its own consent. */
export const contactChannelSchema = z.enum(['zns', 'oa', 'sms', 'email']);
export type ContactChannel = z.infer<typeof contactChannelSchema>;

export const consentStateSchema = z.enum(['granted', 'denied', 'unknown']);
export type ConsentState = z.infer<typeof consentStateSchema>;

/**
 * Date comparisons relative to the moment of evaluation: `within_last` (between now minus the period and now),
 * `more_than_ago` (before now minus the period), `within_next` (between now and now plus the period),
 * `more_than_ahead` (after now plus the period). A date attribute (YYYY-MM-DD) compares by calendar day in the
 * workspace timezone; a date-time compares as an instant.
 */
export const relativeDateOperatorSchema = z.enum([
  'within_last',
  'more_than_ago',
  'within_next',
  'more_than_ahead',
]);
export type RelativeDateOperator = z.infer<typeof relativeDateOperatorSchema>;

const relativeDateOperators: ReadonlySet<string> = new Set(relativeDateOperatorSchema.options);
export function isRelativeDateOperator(operator: string): operator is RelativeDateOperator {
  return relativeDateOperators.has(operator);
}

export const attributeRuleSchema = z
  .object({
    kind: z.literal('attribute'),
    field: fieldPathSchema,
    operator: z.enum([...comparisonOperatorSchema.options, ...relativeDateOperatorSchema.options]),
    value: comparisonSchema.shape.value,
    /** How far from now, for the relative date operators only. */
    period: durationSchema.optional(),
  })
  .superRefine((rule, context) => {
    const relative = isRelativeDateOperator(rule.operator);
    if (relative && rule.period === undefined)
      context.addIssue({ code: 'custom', path: ['period'], message: `is required with ${rule.operator}` });
    if (!relative && rule.period !== undefined)
      context.addIssue({
        code: 'custom',
        path: ['period'],
        message: `is only for ${relativeDateOperatorSchema.options.join(', ')}`,
      });
  });

export const eventSeenRuleSchema = z
  .object({
    kind: z.literal('event_seen'),
    event: eventNameSchema,
    withinDays: z.number().int().min(1).max(3650),
    filter: propertyFilterSchema.optional(),
    /** Performed at least this many times within the window; 1 when absent, 0 allows "never". */
    minCount: z.number().int().min(0).max(100_000).optional(),
    /** Performed at most this many times within the window; no limit when absent. */
    maxCount: z.number().int().min(0).max(100_000).optional(),
  })
  .superRefine((rule, context) => {
    if (rule.maxCount !== undefined && rule.maxCount < (rule.minCount ?? 1))
      context.addIssue({
        code: 'custom',
        path: ['maxCount'],
        message: `must be at least minCount (${rule.minCount ?? 1}${rule.minCount === undefined ? ' when absent' : ''})`,
      });
  });

export const ruleSchema = z.discriminatedUnion('kind', [
  attributeRuleSchema,
  z.object({ kind: z.literal('tag'), tag: z.string().min(1).max(100), has: z.boolean().default(true) }),
  eventSeenRuleSchema,
  z.object({ kind: z.literal('send_outcome'), nodeId: idSchema, outcome: sendOutcomeSchema }),
  /** The contact's consent on a channel is in this state (no record is `unknown`). */
  z.object({ kind: z.literal('consent'), channel: contactChannelSchema, state: consentStateSchema }),
  /**
   * A message could reach the contact on the channel: it has the identifier (phone for ZNS and SMS, e-mail
   * address, a Zalo identity that follows the OA), its consent is not denied and it is not on do-not-contact.
   */
  z.object({
    kind: z.literal('reachable'),
    channel: contactChannelSchema,
    reachable: z.boolean().default(true),
  }),
  /** Member (or not) of another segment of the workspace. */
  z.object({ kind: z.literal('segment'), segmentId: idSchema, member: z.boolean().default(true) }),
]);
export type Rule = z.infer<typeof ruleSchema>;

export interface RuleGroup {
  match: 'all' | 'any';
  rules: Array<Rule | RuleGroup>;
}

/** Named, so that documents generated from it (JSON Schema, OpenAPI) refer to it instead of unrolling it. */
export const ruleGroupSchema: z.ZodType<RuleGroup> = z
  .lazy(() =>
    z.object({
      match: z.enum(['all', 'any']),
      rules: z
        .array(z.union([ruleSchema, ruleGroupSchema]))
        .min(1, 'add at least one rule')
        .max(50),
    }),
  )
  .meta({ id: 'RuleGroup' });

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
