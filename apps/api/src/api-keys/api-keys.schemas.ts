import { z } from 'zod';
import { KEY_SCOPES } from '../auth/access';

export const createApiKeyBodySchema = z.object({
  name: z.string().trim().min(1, 'is required').max(100),
  scope: z.enum(KEY_SCOPES),
});

export const apiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  scope: z.enum(KEY_SCOPES),
  /** The first characters of the key, to recognise it; the key itself is never shown again. */
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const createdApiKeySchema = apiKeySchema.extend({
  /** Shown once. Send it as `Authorization: Bearer <key>` or as the Basic user name. */
  key: z.string(),
});

export const apiKeyListSchema = z.object({ items: z.array(apiKeySchema) });
export const apiKeyIdParamsSchema = z.object({ id: z.uuid() });
