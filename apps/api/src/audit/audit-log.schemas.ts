import { z } from 'zod';

const instant = z.iso.datetime({ offset: true });

export const auditLogQuerySchema = z
  .object({
    actorId: z.uuid().optional().describe('Only what this user or API key did'),
    targetKind: z
      .string()
      .regex(/^[a-z_]{1,40}$/, 'must be a target kind such as user, invitation, api_key or campaign')
      .optional()
      .describe('Only entries about this kind of thing (user, invitation, api_key, campaign, ...)'),
    from: instant.optional().describe('Entries at or after this instant'),
    to: instant.optional().describe('Entries before this instant'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z
      .string()
      .regex(/^[1-9][0-9]{0,17}$/, 'is not a cursor this list gave')
      .optional()
      .describe('nextCursor of the previous page'),
  })
  .refine((query) => !query.from || !query.to || Date.parse(query.from) < Date.parse(query.to), {
    message: 'must be after from',
    path: ['to'],
  });

export type AuditLogQuery = z.output<typeof auditLogQuerySchema>;

export const auditLogEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({
    kind: z.enum(['user', 'api_key', 'system']),
    id: z.string().nullable(),
    /** The user's name or the API key's name, when it still exists. */
    name: z.string().nullable(),
  }),
  action: z.string().describe('What happened, e.g. member.updated, invitation.created, api_key.revoked'),
  targetKind: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export type AuditLogEntry = z.infer<typeof auditLogEntrySchema>;

export const auditLogPageSchema = z.object({
  items: z.array(auditLogEntrySchema),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page'),
});
