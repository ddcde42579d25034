import { campaignSettingsSchema, MAX_COHORT_CONTACTS } from '@loa/engine';
import { z } from 'zod';

/** The campaign settings' own rules: a quiet-hours window, and per-channel caps per contact. */
export const quietHoursSchema = campaignSettingsSchema.shape.quietHours.unwrap();
export const frequencyCapsSchema = campaignSettingsSchema.shape.frequencyCaps.unwrap();

export const workspaceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  timezone: z.string(),
  /** Campaigns go live only after an admin approved the submitted draft (on by default). */
  approvalRequired: z.boolean(),
  /** New campaigns start with these quiet hours (null: none). */
  quietHours: quietHoursSchema.nullable(),
  /** New campaigns start with these frequency caps. */
  frequencyCaps: frequencyCapsSchema,
  /** A broadcast whose audience has at least this many contacts runs as cohorts (DESIGN §6); a smaller one, one journey per contact. */
  cohortThreshold: z.number().int(),
  /** Contacts per cohort. */
  cohortSize: z.number().int(),
  createdAt: z.string(),
});

export type Workspace = z.infer<typeof workspaceSchema>;

export const updateWorkspaceBodySchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  timezone: z
    .string()
    .refine((zone) => isTimeZone(zone), 'must be an IANA time zone such as Asia/Ho_Chi_Minh')
    .optional(),
  approvalRequired: z.boolean().optional(),
  quietHours: quietHoursSchema.nullable().optional().describe('null removes them'),
  frequencyCaps: frequencyCapsSchema.optional(),
  cohortThreshold: z
    .number()
    .int()
    .min(1)
    .max(100_000)
    .optional()
    .describe('Broadcasts of at least this many contacts run as cohorts (1: always; at most 100,000)'),
  cohortSize: z.number().int().min(1).max(MAX_COHORT_CONTACTS).optional().describe('Contacts per cohort'),
});

export type WorkspaceChange = z.infer<typeof updateWorkspaceBodySchema>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
