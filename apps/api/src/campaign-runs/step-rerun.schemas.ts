import { z } from 'zod';
import { actorSchema } from '../campaigns/campaign.schemas';

/**
 * Why a contact of a failed send step is not re-run:
 * - `already_rerun`: a re-run of the contact's failed journey was started before (it ran, or runs now);
 * - `journey_running`: the contact has a running journey in this campaign;
 * - `failure_branch_taken`: the journey went on down the step's failure handle (the flow's own fallback);
 * - `entered_again`: the contact's latest journey in this campaign did not fail at this step;
 * - `contact_gone`: the contact was erased or merged into another.
 */
export const RERUN_SKIP_REASONS = [
  'already_rerun',
  'journey_running',
  'failure_branch_taken',
  'entered_again',
  'contact_gone',
] as const;
export type RerunSkipReason = (typeof RERUN_SKIP_REASONS)[number];

export const stepRerunParamsSchema = z.object({
  id: z.uuid(),
  stepId: z.string().min(1).max(200).describe('A send step of the campaign’s current version'),
});

export const stepRerunBodySchema = z.object({
  dryRun: z
    .boolean()
    .default(false)
    .describe('Only say who would be re-run and who skipped; start nothing, record nothing'),
  comment: z
    .string()
    .max(1000)
    .optional()
    .describe('Why (what was fixed); kept with the re-run and in the audit log'),
});

export const rerunContactSchema = z.discriminatedUnion('status', [
  z.object({
    contactId: z.uuid(),
    status: z.literal('rerun'),
    failedEnrollmentId: z.uuid(),
    workflowId: z.string(),
  }),
  z.object({
    contactId: z.uuid(),
    status: z.literal('skipped'),
    failedEnrollmentId: z.uuid(),
    reason: z.enum(RERUN_SKIP_REASONS),
  }),
]);
export type RerunContact = z.infer<typeof rerunContactSchema>;

export const stepRerunResultSchema = z.object({
  rerunId: z.uuid().nullable().describe('The recorded re-run; null for a dry run'),
  dryRun: z.boolean(),
  stepId: z.string(),
  version: z.number().int().describe('The campaign version the re-run journeys run (the current one)'),
  rerun: z
    .number()
    .int()
    .describe('Contacts whose journey was started again at the step (would be, for a dry run)'),
  skipped: z.number().int(),
  skippedBecause: z.partialRecord(z.enum(RERUN_SKIP_REASONS), z.number().int()),
  contacts: z
    .array(rerunContactSchema)
    .describe('Every contact whose send at the step failed or was blocked'),
});

export const journeyRerunSchema = z.object({
  id: z.uuid(),
  stepId: z.string(),
  versionId: z.uuid(),
  requestedBy: actorSchema,
  requestedAt: z.string(),
  finishedAt: z
    .string()
    .nullable()
    .describe('null: the re-run stopped before it was through (call it again)'),
  comment: z.string().nullable(),
  rerun: z.number().int(),
  skipped: z.number().int(),
  skippedBecause: z.partialRecord(z.enum(RERUN_SKIP_REASONS), z.number().int()),
});

export const journeyRerunListSchema = z.object({ items: z.array(journeyRerunSchema) });
