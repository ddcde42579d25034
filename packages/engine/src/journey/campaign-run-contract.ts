import type { Audience } from '../graph/nodes/trigger-nodes.schema';
import type { Plan } from '../plan/plan.types';

export const CAMPAIGN_RUN_WORKFLOW = 'campaignRun';

/** Signal and query names of campaignRun, for clients that address them by name. */
export const PAUSE_RUN_SIGNAL = 'pauseRun';
export const RESUME_RUN_SIGNAL = 'resumeRun';
export const CANCEL_RUN_SIGNAL = 'cancelRun';
export const CAMPAIGN_RUN_PROGRESS_QUERY = 'campaignRunProgress';

/**
 * The contacts of a trigger.date run: those whose date attribute plus `offsetDays` falls on `on` (a local date in
 * `timezone`; the day of the first page when absent), ignoring the year when `recurring` is yearly.
 */
export interface DateAudience {
  kind: 'date';
  attribute: string;
  offsetDays: number;
  timeOfDay: string;
  recurring: 'yearly' | 'once';
  timezone: string;
  on?: string;
}

/** Whom a campaign run enters: a trigger.schedule audience, or a trigger.date day. */
export type CampaignRunAudience = Audience | DateAudience;

export interface CampaignRunInput {
  workspaceId: string;
  runId: string;
  plan: Plan;
  audience: CampaignRunAudience;
  /** Contacts fetched per page (default 500). */
  pageSize?: number;
  /** Journeys started per activity call (default 100). */
  batchSize?: number;
  /** Batches of one page in flight at once (default 2, at most 8). */
  batchConcurrency?: number;
  /** Pages per workflow run before it continues as new (default 10; sooner when Temporal suggests it). */
  pagesPerRun?: number;
  /** Carried over by continue-as-new. */
  continued?: CampaignRunProgress & { cursor: string | null; cohortSize?: number };
}

export interface CampaignRunProgress {
  pages: number;
  contactsSeen: number;
  journeysStarted: number;
  /** Journeys that already existed (same workflow id) and were left alone. */
  journeysSkipped: number;
  state: 'running' | 'paused' | 'cancelled' | 'completed';
  /**
   * How the run enters its contacts: one contactJourney each, or cohorts (cohortJourney, one per page of contacts).
   * Absent until the run has measured its audience (and in runs that began before cohorts existed).
   */
  execution?: RunExecution;
  /** cohortJourney workflows started (cohort execution). */
  cohortsStarted?: number;
  /** While measuring: contacts counted so far, and where counting goes on. */
  measuring?: { counted: number; cursor: string | null };
}

export type RunExecution = 'contact' | 'cohort';

/** How the workspace runs its broadcasts (read when a run begins). */
export interface RunSettings {
  /** A run whose audience has at least this many contacts runs as cohorts; a smaller one, one journey each. */
  cohortThreshold: number;
  /** Contacts per cohort (at most MAX_COHORT_CONTACTS). */
  cohortSize: number;
}

export interface AudiencePage {
  contactIds: string[];
  /** Opaque; null when this was the last page. */
  nextCursor: string | null;
}

/** Activities of the campaign run; the API's worker implements them with the database and the Temporal client. */
export interface CampaignRunActivities {
  fetchAudiencePage(input: {
    workspaceId: string;
    audience: CampaignRunAudience;
    cursor: string | null;
    pageSize: number;
  }): Promise<AudiencePage>;
  /** Starts one journey per contact; one that already exists is skipped, so a retried batch starts nothing twice. */
  startJourneys(input: {
    workspaceId: string;
    plan: Plan;
    runId: string;
    contactIds: string[];
  }): Promise<{ started: number; skipped: number }>;
  /**
   * The workspace's settings for this run (cohort threshold and size). `advertisingSmsAccountIds` names the accounts
   * the plan sends advertising SMS from: a provider that takes those only in batches needs the run as cohorts.
   */
  getRunSettings(input: { workspaceId: string; advertisingSmsAccountIds?: string[] }): Promise<RunSettings>;
  /**
   * Enters the contacts as one cohort with this id: contacts already enrolled (a journey of theirs runs, or ran and
   * re-entry does not allow another) are skipped, and a retried call starts nothing twice.
   */
  startCohort(input: {
    workspaceId: string;
    plan: Plan;
    runId: string;
    cohortId: string;
    contactIds: string[];
  }): Promise<{ started: number; skipped: number }>;
}
