import type { StepId } from '../plan/plan.types';
import type { JourneyLogEntry } from './journey-contract';
import type { TimeDeferralReason } from './journey-vocabulary';

/** Signal and query names of contactJourney, for clients that address them by name. */
export const JOURNEY_EVENT_SIGNAL = 'journeyEvent';
export const CAMPAIGN_STATE_SIGNAL = 'campaignState';
export const JOURNEY_STATUS_QUERY = 'journeyStatus';

/** The journey keeps at most this many recent path entries in memory (query, result); all are recorded. */
export const JOURNEY_PATH_LIMIT = 200;

/** What a waiting journey waits for: a step's wait, or a guard holding a send. */
export type WaitingKind = 'delay' | 'wait_until' | 'event' | TimeDeferralReason | 'paused' | 'send_retry';

export interface WaitingFor {
  kind: WaitingKind;
  /** ISO 8601 workflow time at which the wait ends (absent: until a signal). */
  until?: string;
  /** The awaited event name (kind `event`). */
  event?: string;
}

/** Answer of the `journeyStatus` query: the "where is this contact" view. */
export interface JourneyStatus {
  /** The step being executed, or the step the journey exited at. */
  stepId: StepId | null;
  status: 'running' | 'waiting' | 'exited';
  waitingFor?: WaitingFor;
  /** The last JOURNEY_PATH_LIMIT entries. */
  path: JourneyLogEntry[];
  converted: boolean;
  exitReason?: string;
}

/** What contactJourney returns. */
export interface JourneyResult {
  /** A flow.exit reason, or one of EXIT_REASONS. */
  exitReason: string;
  converted: boolean;
  stepsTaken: number;
  /** The last JOURNEY_PATH_LIMIT entries. */
  path: JourneyLogEntry[];
}
