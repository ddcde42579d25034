import { defaultSeed } from '../state/default-seed';
import type { SandboxSeed } from '../sandbox.types';

/** 2026-03-10 10:00 in Vietnam (03:00 UTC): inside every daytime window. */
export const VIETNAM_MORNING = Date.parse('2026-03-10T03:00:00Z');
/** 2026-03-10 23:00 in Vietnam. */
export const VIETNAM_NIGHT = Date.parse('2026-03-10T16:00:00Z');

/** The default seed at `now`, with every Zalo app's webhook pointing at `webhookUrl`. */
export function seedAt(now: number, webhookUrl?: string): SandboxSeed {
  const seed = defaultSeed(now);
  for (const app of seed.zalo) app.webhookUrl = webhookUrl;
  return seed;
}
