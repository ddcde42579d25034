import { z } from 'zod';
import { ROLES } from './access';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'must be an e-mail address' }).max(254));

export const newPasswordSchema = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200, 'must be at most 200 characters');

export const roleSchema = z.enum(ROLES);

export const loginBodySchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'is required').max(200),
  workspaceId: z.uuid().optional(),
});

export const switchWorkspaceBodySchema = z.object({ workspaceId: z.uuid() });

export const acceptInvitationBodySchema = z.object({
  token: z.string().min(20).max(200),
  name: z.string().trim().min(1).max(200).optional(),
  password: z.string().min(1, 'is required').max(200),
});

export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1, 'is required').max(200),
  newPassword: newPasswordSchema,
});

export const workspaceSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  timezone: z.string(),
  role: roleSchema,
});

export const meSchema = z.object({
  user: z.object({ id: z.uuid(), email: z.string(), name: z.string() }),
  workspace: workspaceSummarySchema,
  role: roleSchema,
  workspaces: z.array(workspaceSummarySchema),
  /** Send it back as the X-CSRF-Token header with every change made with the session cookie. */
  csrfToken: z.string(),
});
export type Me = z.infer<typeof meSchema>;
