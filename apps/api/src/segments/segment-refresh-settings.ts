import { z } from 'zod';

/**
 * How often segments whose membership changes with time alone (relative dates, event windows) are fully
 * refreshed: `LOA_SEGMENT_REFRESH_MINUTES` (default 5).
 */
export const SEGMENT_REFRESH_SETTINGS = Symbol('SEGMENT_REFRESH_SETTINGS');

export interface SegmentRefreshSettings {
  timeDependentEveryMs: number;
}

const minutesSchema = z.coerce
  .number()
  .int()
  .min(1)
  .max(24 * 60)
  .default(5);

export function segmentRefreshSettings(env: NodeJS.ProcessEnv = process.env): SegmentRefreshSettings {
  const minutes = minutesSchema.safeParse(env.LOA_SEGMENT_REFRESH_MINUTES || undefined);
  if (!minutes.success)
    throw new Error('LOA_SEGMENT_REFRESH_MINUTES must be a whole number of minutes (1–1440)');
  return { timeDependentEveryMs: minutes.data * 60_000 };
}
