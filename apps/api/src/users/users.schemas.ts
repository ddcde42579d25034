import { z } from 'zod';
import { emailSchema, roleSchema } from '../auth/auth.schemas';

export const memberSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  status: z.enum(['active', 'deactivated']),
  joinedAt: z.string(),
});
export type Member = z.infer<typeof memberSchema>;

export const memberListSchema = z.object({ items: z.array(memberSchema) });

export const updateMemberBodySchema = z
  .object({ role: roleSchema.optional(), status: z.enum(['active', 'deactivated']).optional() })
  .refine((body) => body.role !== undefined || body.status !== undefined, {
    message: 'give role or status',
    path: ['role'],
  });

export const userIdParamsSchema = z.object({ id: z.uuid() });

export const inviteBodySchema = z.object({ email: emailSchema, role: roleSchema });

export const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: roleSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
});

export const createdInvitationSchema = invitationSchema.extend({
  /** Shown once: the invitee accepts with it at POST /auth/invitations/accept. */
  token: z.string(),
});

export const invitationListSchema = z.object({ items: z.array(invitationSchema) });
export const invitationIdParamsSchema = z.object({ id: z.uuid() });
