import type { Rule, RuleGroup } from '../graph/nodes/branch-nodes.schema';
import type { HttpStep, Plan, SendStep, StepId, UpdateContactStep } from '../plan/plan.types';
import type { ActivityDeferralReason, SendBlockReason } from './journey-vocabulary';

export const CONTACT_JOURNEY_WORKFLOW = 'contactJourney';

/** An event as journeys see it: ids and properties, delivered by signal. Duplicates (same id) are ignored. */
export interface JourneyEvent {
  id: string;
  name: string;
  properties: Record<string, unknown>;
  /** ISO 8601. */
  occurredAt: string;
}

/** Who and what a journey is about; every activity receives it. */
export interface JourneyRef {
  workspaceId: string;
  campaignId: string;
  versionId: string;
  contactId: string;
  workflowId: string;
  /**
   * The journey's first run id: tells apart two enrollments that share a workflow id (re-entry after exit); the same
   * in every run of one enrollment (retries, replays, continue-as-new).
   */
  enrollmentId: string;
  entryKey: string;
  entryEventId?: string;
  /**
   * The cohortJourney workflow that runs this journey beside others (DESIGN §6 cohort execution); absent when the
   * journey has a workflow of its own (`workflowId`, which a cohort's journeys are given but do not run as).
   */
  cohortWorkflowId?: string;
}

export interface ContactJourneyInput {
  workspaceId: string;
  contactId: string;
  plan: Plan;
  /** `once` unless re-entry allows several journeys per contact; then the entry key value (e.g. an orderId). */
  entryKey: string;
  /** The entry event (trigger.event), for templates and for wait.event key matching. */
  entryEvent?: JourneyEvent;
  /**
   * Operations knob: continue as new after this many steps in one run (default: only when Temporal suggests it).
   * Continuing loses nothing; it only keeps each run's history short.
   */
  continueAfterSteps?: number;
  /**
   * Operations knob: continue as new after this many events were received in one run, even in the middle of a wait
   * (for contacts that send many events while a journey waits). Default: only when Temporal suggests it.
   */
  continueAfterEvents?: number;
  /**
   * Enter at this step instead of the plan's entry step: re-running a failed send step's contacts after a fix (the
   * API's step re-run). Absent on ordinary entries. A step the plan lacks fails the journey without retries.
   */
  startAt?: StepId;
  /** Carried over by continue-as-new; absent on a fresh entry. Validated by the workflow. */
  continued?: unknown;
}

export type CampaignState = 'active' | 'paused' | 'stopped';

/** Provider errors are classified by the connector (DESIGN §6); these are the activity failure types. */
export const SEND_ERROR_TYPES = {
  /** Network, 5xx, rate limit: Temporal retries with backoff. */
  retryable: 'LoaRetryableError',
  /** The access token expired: the activity refreshes it once on the retry. */
  tokenExpired: 'LoaTokenExpiredError',
  /** Provider quota used up: details[0] = { retryAtMs }; the journey waits until then and tries again. */
  quotaExhausted: 'LoaQuotaExhaustedError',
  /** Provider refuses at this hour: details[0] = { retryAtMs }; the journey waits for the window. */
  outsideAllowedHours: 'LoaOutsideAllowedHoursError',
} as const;

export interface SendActivityInput {
  journey: JourneyRef;
  stepId: StepId;
  /**
   * `{workflowId}:{enrollmentId}:{stepId}:{visit}` (sendIdempotencyKey): the ledger's unique key and the provider
   * correlation id's source.
   */
  idempotencyKey: string;
  step: SendStep;
}

/**
 * Expected outcomes are values: sent; failed for good (invalid phone, not a Zalo user: take the failure handle);
 * blocked by a guard that will not lift (do-not-contact, opted out); deferred by a frequency cap or the account's send rate until a moment;
 * held because the campaign is paused or stopped already while the journey has not heard of it yet (nothing sent).
 */
export type SendActivityResult =
  | { status: 'sent'; messageId: string; providerMessageId?: string }
  | { status: 'failed'; errorCode: string; errorMessage: string }
  | { status: 'blocked'; reason: SendBlockReason }
  | { status: 'deferred'; reason: ActivityDeferralReason; retryAtMs: number }
  | { status: 'held'; campaignState: Exclude<CampaignState, 'active'> };

export interface JourneyLogEntry {
  stepId: StepId;
  /** One of STEP_OUTCOMES, `variant:<id>` or `exit:<reason>` (journey-vocabulary.ts). */
  outcome: string;
  /** ISO 8601 workflow time. */
  at: string;
  detail?: string;
}

/** Activities a journey calls; the API's worker implements them with the database and the connectors. */
export interface JourneyActivities {
  sendZns(input: SendActivityInput): Promise<SendActivityResult>;
  sendOa(input: SendActivityInput): Promise<SendActivityResult>;
  sendSms(input: SendActivityInput): Promise<SendActivityResult>;
  sendEmail(input: SendActivityInput): Promise<SendActivityResult>;
  /** Evaluates a condition on fresh contact data (attributes, tags, events seen, this journey's send outcomes). */
  evaluateCondition(input: { journey: JourneyRef; stepId: StepId; rule: RuleGroup }): Promise<boolean>;
  /** Reads contact attributes (e.g. a date for wait.until); missing ones are absent from the result. */
  readContactAttributes(input: { journey: JourneyRef; fields: string[] }): Promise<Record<string, unknown>>;
  updateContact(input: {
    journey: JourneyRef;
    stepId: StepId;
    idempotencyKey: string;
    step: UpdateContactStep;
  }): Promise<void>;
  callHttp(input: {
    journey: JourneyRef;
    stepId: StepId;
    idempotencyKey: string;
    step: HttpStep;
  }): Promise<{ success: boolean; status?: number; error?: string }>;
  /** Persists the journey's progress (step events, enrollment status, conversions) since the last call. */
  recordJourney(input: {
    journey: JourneyRef;
    /**
     * The position of entries[0] in the enrollment's log (0 for its first entry); entries follow one another. With
     * the enrollment it names each entry, so a retried or repeated record changes nothing.
     */
    firstSeq: number;
    entries: JourneyLogEntry[];
    status: 'active' | 'exited';
    exitReason?: string;
    converted?: boolean;
  }): Promise<void>;
  /** The campaign's state, checked after every long wait. */
  getCampaignState(input: { campaignId: string }): Promise<CampaignState>;
}

export type EventSeenRule = Extract<Rule, { kind: 'event_seen' }>;
