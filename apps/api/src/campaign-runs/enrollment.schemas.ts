import { z } from 'zod';

export const ENROLLMENT_STATUSES = ['active', 'exited'] as const;

export const contactJourneyParamsSchema = z.object({ id: z.uuid(), contactId: z.uuid() });

export const listEnrollmentsQuerySchema = z.object({
  status: z.enum(ENROLLMENT_STATUSES).optional(),
  version: z.coerce.number().int().min(1).optional().describe('The campaign version number'),
  step: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Current step id (for exited journeys: where they left)'),
  exitReason: z.string().min(1).max(200).optional(),
  failedAt: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe(
      'Send step id: only journeys whose send at that step failed or was blocked (to re-run after a fix)',
    ),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(500).optional().describe('nextCursor of the previous page'),
});
export type ListEnrollmentsQuery = z.infer<typeof listEnrollmentsQuerySchema>;

export const enrollmentSchema = z.object({
  id: z.uuid(),
  contactId: z.uuid(),
  versionId: z.string(),
  version: z.number().int().nullable().describe('Version number; null when the version row is unknown'),
  status: z.enum(ENROLLMENT_STATUSES),
  currentStep: z.string().nullable(),
  exitReason: z.string().nullable(),
  converted: z.boolean(),
  enteredAt: z.string(),
  updatedAt: z.string(),
  exitedAt: z.string().nullable(),
  execution: z
    .enum(['contact', 'cohort'])
    .describe('How the journey runs: a workflow of its own, or as a member of a cohort (a broadcast page)'),
  cohortWorkflowId: z.string().optional().describe("The cohort's workflow id, for a journey run in a cohort"),
});
export type EnrollmentView = z.infer<typeof enrollmentSchema>;

export const enrollmentListSchema = z.object({
  items: z.array(enrollmentSchema),
  nextCursor: z.string().nullable(),
});

export const stepEventSchema = z.object({
  seq: z.number().int(),
  stepId: z.string(),
  outcome: z.string(),
  at: z.string(),
  detail: z.string().nullable(),
});
export type StepEventView = z.infer<typeof stepEventSchema>;

export const liveJourneySchema = z.object({
  available: z.boolean().describe('false: the answer holds only what is stored (see `unavailableBecause`)'),
  unavailableBecause: z.enum(['temporal_unreachable', 'workflow_not_found', 'not_running']).optional(),
  status: z.enum(['running', 'waiting', 'exited']).optional(),
  stepId: z.string().nullable().optional(),
  waitingFor: z
    .object({ kind: z.string(), until: z.string().optional(), event: z.string().optional() })
    .optional()
    .describe('The current wait: a step wait, or a guard holding a send (quiet hours, pause, ...)'),
  converted: z.boolean().optional(),
  exitReason: z.string().optional(),
});
export type LiveJourney = z.infer<typeof liveJourneySchema>;

export const contactJourneySchema = z.object({
  contactId: z.uuid(),
  enrollments: z.array(
    enrollmentSchema.extend({
      path: z.array(stepEventSchema).describe('Recorded step events, oldest first'),
      live: liveJourneySchema,
    }),
  ),
});

export const cancelJourneyBodySchema = z.object({
  comment: z.string().max(1000).optional().describe('Why; kept in the audit log'),
});

export const cancelJourneyResultSchema = z.object({
  cancelled: z.array(z.object({ enrollmentId: z.uuid(), workflowId: z.string() })),
  note: z.string(),
});

export const fanOutResultSchema = z.object({ state: z.string(), signalled: z.number().int() });

export const contactJourneysParamsSchema = z.object({ id: z.uuid() });

export const listContactJourneysQuerySchema = z.object({
  status: z.enum(ENROLLMENT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional().describe('nextCursor of the previous page'),
});
export type ListContactJourneysQuery = z.infer<typeof listContactJourneysQuerySchema>;

export const contactJourneyListSchema = z.object({
  items: z.array(
    enrollmentSchema.extend({
      campaignId: z.uuid(),
      campaignName: z.string(),
      path: z
        .array(stepEventSchema)
        .describe('Recorded step events, oldest first: the steps the contact passed and their outcomes'),
    }),
  ),
  nextCursor: z
    .string()
    .nullable()
    .describe('Pass as `cursor` for the next (older) page; null on the last page'),
});
