import { z } from 'zod';
import { requireStorableText } from '../http/unstorable-text';

export const CAMPAIGN_STATES = [
  'draft',
  'pending_approval',
  'active',
  'paused',
  'stopped',
  'archived',
] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];

export const campaignIdParamsSchema = z.object({ id: z.uuid() });
export const versionParamsSchema = z.object({ id: z.uuid(), version: z.coerce.number().int().min(1) });

const tagsSchema = z.array(z.string().trim().min(1).max(50)).max(50);
/** A campaign graph as the builder holds it: any JSON object; validateGraph says what is wrong with it. */
const graphSchema = z
  .record(z.string(), z.unknown())
  .meta({ description: "The campaign graph (the engine's campaign file format)" });

export const createCampaignBodySchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().trim().max(2000).default(''),
    tags: tagsSchema.default([]),
    graph: graphSchema.optional(),
  })
  .strict()
  .superRefine(requireStorableText);

export const updateCampaignBodySchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().trim().max(2000).optional(),
    tags: tagsSchema.optional(),
  })
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'give name, description or tags',
    path: ['name'],
  })
  .superRefine(requireStorableText);

export const listCampaignsQuerySchema = z.object({
  state: z.enum(CAMPAIGN_STATES).optional(),
  tag: z.string().min(1).max(50).optional(),
  q: z.string().trim().min(1).max(200).optional().describe('Words found in the name or description'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional().describe('nextCursor of the previous page'),
});

export const saveDraftBodySchema = z
  .object({
    revision: z
      .number()
      .int()
      .min(1)
      .describe('The draft revision this edit started from (draft.revision as last read or saved)'),
    graph: graphSchema,
  })
  .strict()
  .superRefine(requireStorableText);

export const validateBodySchema = z
  .object({ graph: graphSchema.optional().describe('A graph to check instead of the saved draft') })
  .strict();

export const rejectBodySchema = z
  .object({ comment: z.string().trim().min(1).max(2000) })
  .strict()
  .superRefine(requireStorableText);

export const duplicateBodySchema = z
  .object({ name: z.string().trim().min(1).max(200).optional() })
  .strict()
  .superRefine(requireStorableText);

export const importQuerySchema = z.object({
  name: z.string().trim().min(1).max(200).default('Imported campaign'),
});

export const actorSchema = z.object({
  kind: z.enum(['user', 'api_key']),
  id: z.string(),
  name: z.string(),
});
export type Actor = z.infer<typeof actorSchema>;

export const diagnosticSchema = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  path: z.string().optional(),
  params: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .optional()
    .describe(
      'Values the message names (event, template parameter, length…), for messages in other languages',
    ),
});

export const approvalSchema = z.object({
  status: z.enum(['pending', 'rejected']),
  revision: z.number().int().describe('The draft revision submitted'),
  submittedBy: actorSchema,
  submittedAt: z.string(),
  decidedBy: actorSchema.optional(),
  decidedAt: z.string().optional(),
  comment: z.string().optional(),
});
export type Approval = z.infer<typeof approvalSchema>;

export const versionSummarySchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  hash: z.string(),
  publishedBy: actorSchema,
  publishedAt: z.string(),
});

export const versionSchema = versionSummarySchema.extend({
  campaignId: z.uuid(),
  graph: z.unknown(),
  plan: z.unknown().meta({ description: 'The compiled plan the runtime executes' }),
});

export const campaignSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
  state: z.enum(CAMPAIGN_STATES),
  draftRevision: z.number().int(),
  draftSavedBy: actorSchema,
  draftSavedAt: z.string(),
  approval: approvalSchema.nullable().describe('The latest submission for approval, until it is approved'),
  currentVersion: versionSummarySchema.nullable(),
  createdBy: actorSchema,
  createdAt: z.string(),
  updatedBy: actorSchema,
  updatedAt: z.string(),
});
export type CampaignView = z.infer<typeof campaignSchema>;

export const campaignListSchema = z.object({
  items: z.array(
    campaignSchema.extend({
      journeys: z
        .object({ entered: z.number().int(), inProgress: z.number().int() })
        .describe('Journeys that entered the campaign (every version) and those still in progress'),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const draftSchema = z.object({
  campaignId: z.uuid(),
  revision: z.number().int(),
  graph: z.unknown(),
  savedBy: actorSchema,
  savedAt: z.string(),
  diagnostics: z.array(diagnosticSchema),
});

export const diagnosticsSchema = z.object({ diagnostics: z.array(diagnosticSchema) });

export const publishResultSchema = z.object({
  campaign: campaignSchema,
  version: versionSummarySchema,
  created: z.boolean().describe('false when the draft compiled to the plan of an existing version'),
  diagnostics: z.array(diagnosticSchema).describe('Warnings the published graph still has'),
});

export const versionListSchema = z.object({ items: z.array(versionSummarySchema) });

export const auditEntrySchema = z.object({
  action: z.string(),
  actor: z.object({ kind: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
  at: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export const auditListSchema = z.object({ items: z.array(auditEntrySchema) });
