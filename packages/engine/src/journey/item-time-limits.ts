import { MAX_HTTP_TIMEOUT_SECONDS } from '../graph/nodes/http-limits';
import type { BatchableActivity } from './cohort-contract';

/** The journey activities' time limits (their startToCloseTimeout, workflows/activity-options.ts), by kind. */
export const ACTIVITY_TIME_LIMIT_MS = {
  provider: 60_000,
  /** The HTTP step's own timeout is at most MAX_HTTP_TIMEOUT_SECONDS; the activity also loads and maps. */
  http: (MAX_HTTP_TIMEOUT_SECONDS + 60) * 1000,
  internal: 30_000,
  record: 10_000,
} as const;

/** The longest one call of each per-contact activity may take, which a cohort's batch must leave room for. */
export const ITEM_TIME_LIMIT_MS: Record<BatchableActivity, number> = {
  sendZns: ACTIVITY_TIME_LIMIT_MS.provider,
  sendOa: ACTIVITY_TIME_LIMIT_MS.provider,
  sendSms: ACTIVITY_TIME_LIMIT_MS.provider,
  sendEmail: ACTIVITY_TIME_LIMIT_MS.provider,
  callHttp: ACTIVITY_TIME_LIMIT_MS.http,
  evaluateCondition: ACTIVITY_TIME_LIMIT_MS.internal,
  readContactAttributes: ACTIVITY_TIME_LIMIT_MS.internal,
  updateContact: ACTIVITY_TIME_LIMIT_MS.internal,
  getCampaignState: ACTIVITY_TIME_LIMIT_MS.internal,
  recordJourney: ACTIVITY_TIME_LIMIT_MS.record,
};
