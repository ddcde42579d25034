import { z } from 'zod';
import { requireStorableText } from '../http/unstorable-text';
import { segmentRuleSchema } from './segment-rule.schema';

export const segmentIdParamsSchema = z.object({ id: z.uuid() });
export const explainParamsSchema = z.object({ id: z.uuid(), contactId: z.uuid() });

export const createSegmentBodySchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().trim().max(2000).default(''),
    rule: segmentRuleSchema,
  })
  .strict()
  .superRefine(requireStorableText);

export const updateSegmentBodySchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().trim().max(2000).optional(),
    rule: segmentRuleSchema.optional(),
  })
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'give name, description or rule',
    path: ['name'],
  })
  .superRefine(requireStorableText);

export const previewBodySchema = z
  .object({ rule: segmentRuleSchema, sampleSize: z.number().int().min(0).max(50).default(10) })
  .strict()
  .superRefine(requireStorableText);

export const segmentSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  rule: z.unknown().meta({ description: 'The rule tree, as given' }),
  memberCount: z.number().int(),
  /** When membership was last fully recomputed; null until the first refresh has run. */
  refreshedAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SegmentView = z.infer<typeof segmentSchema>;

export const segmentListSchema = z.object({ items: z.array(segmentSchema) });

export const contactSummarySchema = z.object({
  id: z.uuid(),
  name: z.string().nullable(),
  externalId: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

export const previewSchema = z.object({ count: z.number().int(), sample: z.array(contactSummarySchema) });

export const membersQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** The `nextCursor` of the previous page. */
  cursor: z.uuid().optional(),
});

export const memberPageSchema = z.object({
  items: z.array(contactSummarySchema.extend({ since: z.string() })),
  nextCursor: z.string().nullable(),
});

export interface ExplainedRule {
  path: string;
  passed: boolean;
  /** e.g. `attributes.city is "Hà Nội"; needs equals "Đà Nẵng"`. */
  explanation: string;
  rule?: unknown;
  observed?: unknown;
  match?: 'all' | 'any';
  rules?: ExplainedRule[];
}

const explainedRuleSchema: z.ZodType<ExplainedRule> = z
  .lazy(() =>
    z.object({
      path: z.string(),
      passed: z.boolean(),
      explanation: z.string(),
      rule: z.unknown().optional(),
      observed: z.unknown().optional(),
      match: z.enum(['all', 'any']).optional(),
      rules: z.array(explainedRuleSchema).optional(),
    }),
  )
  .meta({ id: 'ExplainedRule' });

export const explanationSchema = z.object({
  contactId: z.uuid(),
  /** Whether the rule selects the contact now. */
  matches: z.boolean(),
  /** Whether the contact is in the stored membership (it follows `matches` once the refresh has run). */
  member: z.boolean(),
  /** Why the contact can never match: erased or merged into another contact. */
  excluded: z.enum(['erased', 'merged']).nullable(),
  tree: explainedRuleSchema,
});
