import { z } from 'zod';
import { WORKSPACE_SECRET_NAME } from './workspace-secrets';

export const workspaceSecretParamsSchema = z.object({
  name: z.string().regex(WORKSPACE_SECRET_NAME, 'must be 1-100 letters, digits, _ . or -'),
});

export const putWorkspaceSecretBodySchema = z.object({
  /** Write-only: never answered, logged or shown again. */
  value: z.string().min(1, 'is required').max(10_000),
});

export const workspaceSecretSchema = z.object({
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const workspaceSecretListSchema = z.object({ items: z.array(workspaceSecretSchema) });
