import { z } from 'zod';

/** The dependencies GET /health always reports on, in the order the builder lists them. */
export const HEALTH_DEPENDENCIES = ['database', 'redis', 'temporal', 'worker'] as const;
export type DependencyName = (typeof HEALTH_DEPENDENCIES)[number];

export const dependencyStatusSchema = z.enum(['up', 'down']);
export type DependencyStatus = z.infer<typeof dependencyStatusSchema>;

/** One dependency's check; fields outside the contract are dropped when parsed. */
export const dependencyHealthSchema = z.object({
  status: dependencyStatusSchema,
  latencyMs: z.number().nonnegative(),
  /** Human note, e.g. "PGlite (embedded) 17.5". */
  detail: z.string().optional(),
  /** Why the dependency is down. */
  error: z.string().optional(),
});
export type DependencyHealth = z.infer<typeof dependencyHealthSchema>;

/**
 * GET /health (200 when every dependency is up, 503 otherwise). `checks` holds the known dependencies and keeps
 * any other one a newer API reports.
 */
export const healthReportSchema = z.object({
  status: dependencyStatusSchema,
  checkedAt: z.iso.datetime({ offset: true }),
  checks: z
    .object({
      database: dependencyHealthSchema,
      redis: dependencyHealthSchema,
      temporal: dependencyHealthSchema,
      worker: dependencyHealthSchema,
    })
    .catchall(dependencyHealthSchema),
});
export type HealthReport = z.infer<typeof healthReportSchema>;
