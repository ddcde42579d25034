import { z } from 'zod';
import type { Workspace, WorkspaceChange } from './workspace-queries';

export const CHANNELS = ['zns', 'oa', 'sms', 'email'] as const;
export const TIME_UNITS = ['minutes', 'hours', 'days', 'weeks'] as const;

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'workspace.errors.timeOfDay' });
const wholeNumber = z
  .number({ message: 'workspace.errors.wholeNumber' })
  .int({ message: 'workspace.errors.wholeNumber' })
  .positive({ message: 'workspace.errors.positive' });

/**
 * The workspace settings form. The time zone is only checked for presence here: the API knows which zones exist
 * and answers 422 on `timezone` for one it does not.
 */
export const workspaceFormSchema = z
  .object({
    name: z.string().trim().min(1, { message: 'workspace.errors.nameRequired' }).max(200),
    timezone: z.string().trim().min(1, { message: 'workspace.errors.timezoneRequired' }),
    approvalRequired: z.boolean(),
    quietHoursOn: z.boolean(),
    quietHours: z.object({ start: timeOfDay, end: timeOfDay }),
    frequencyCaps: z
      .array(
        z.object({
          channel: z.enum(CHANNELS),
          max: wholeNumber.max(1000, { message: 'workspace.errors.maxTooBig' }),
          per: z.object({ amount: wholeNumber.max(100_000), unit: z.enum(TIME_UNITS) }),
        }),
      )
      .max(10, { message: 'workspace.errors.tooManyCaps' }),
  })
  .refine((form) => !form.quietHoursOn || form.quietHours.start !== form.quietHours.end, {
    message: 'workspace.errors.sameStartEnd',
    path: ['quietHours', 'end'],
  });

export type WorkspaceForm = z.infer<typeof workspaceFormSchema>;

const NO_QUIET_HOURS = { start: '21:00', end: '08:00' };

export function toWorkspaceForm(workspace: Workspace): WorkspaceForm {
  return {
    name: workspace.name,
    timezone: workspace.timezone,
    approvalRequired: workspace.approvalRequired,
    quietHoursOn: workspace.quietHours !== null,
    quietHours: workspace.quietHours ?? NO_QUIET_HOURS,
    frequencyCaps: workspace.frequencyCaps.map((cap) => ({ ...cap, per: { ...cap.per } })),
  };
}

export function toWorkspaceChange(form: WorkspaceForm): WorkspaceChange {
  return {
    name: form.name.trim(),
    timezone: form.timezone.trim(),
    approvalRequired: form.approvalRequired,
    quietHours: form.quietHoursOn ? form.quietHours : null,
    frequencyCaps: form.frequencyCaps,
  };
}

/** Whether the API's name for a body field (`quietHours.start`, `frequencyCaps.0.max`) is a field of this form. */
export function isWorkspaceFormField(field: string): boolean {
  return /^(name|timezone|approvalRequired|quietHours\.(start|end)|frequencyCaps\.\d+\.(channel|max|per\.amount|per\.unit))$/.test(
    field,
  );
}
