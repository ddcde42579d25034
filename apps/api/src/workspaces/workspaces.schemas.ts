import { z } from 'zod';

export const workspaceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  timezone: z.string(),
  /** Campaigns go live only after an admin approved the submitted draft (on by default). */
  approvalRequired: z.boolean(),
  createdAt: z.string(),
});

export const updateWorkspaceBodySchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  timezone: z
    .string()
    .refine((zone) => isTimeZone(zone), 'must be an IANA time zone such as Asia/Ho_Chi_Minh')
    .optional(),
  approvalRequired: z.boolean().optional(),
});

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
