/**
 * The one vocabulary of journeys, shared by the contactJourney workflow, the simulator and (through the package
 * index) the API: why a journey ends, the outcomes on its path, and why a send is blocked or waits.
 */

/** Why a journey ends when no flow.exit names a reason of its own (a flow.exit's reason is free text). */
export const EXIT_REASONS = {
  /** An unconnected handle other than failure, or a flow.exit without a reason. */
  completed: 'completed',
  /** An unconnected failure handle, or a contact data activity that kept failing. */
  failed: 'failed',
  /** The campaign goal was reached while the goal's exitOnGoal is set. */
  goal: 'goal',
  /** The campaign was stopped. */
  stopped: 'stopped',
  /** The journey reached MAX_STEPS_PER_ENROLLMENT. */
  stepLimit: 'step_limit',
} as const;
export type BuiltInExitReason = (typeof EXIT_REASONS)[keyof typeof EXIT_REASONS];

/** The outcome of a step on a journey's path (recorded step events, the journey query, the simulator's path). */
export const STEP_OUTCOMES = {
  entered: 'entered',
  /** A wait began (its end is the step's next outcome). */
  waiting: 'waiting',
  /** A delay or wait.until ended (also when its moment had passed or its date attribute was empty). */
  elapsed: 'elapsed',
  matched: 'matched',
  timeout: 'timeout',
  yes: 'yes',
  no: 'no',
  sent: 'sent',
  /** The provider (or rendering) failed the send: the failure handle. */
  failed: 'failed',
  /** A guard that will not lift refused the send (SEND_BLOCK_REASONS): the failure handle. */
  blocked: 'blocked',
  /** A guard holds the send until a moment (SEND_DEFERRAL_REASONS); the send's outcome follows. */
  deferred: 'deferred',
  /** The campaign is paused: the send waits for resume. */
  held: 'held',
  /** A goal event arrived while the journey ran (it leaves only when exitOnGoal is set). */
  converted: 'converted',
  updated: 'updated',
  /** A webhook's handles. */
  success: 'success',
  failure: 'failure',
  /** A contact data activity kept failing; the journey leaves as failed. */
  error: 'error',
} as const;
export type StepOutcomeName = (typeof STEP_OUTCOMES)[keyof typeof STEP_OUTCOMES];

/** The path outcome of a split: the variant taken. */
export const variantOutcome = (variantId: string): string => `variant:${variantId}`;
/** The path outcome of an exit. */
export const exitOutcome = (reason: string): string => `exit:${reason}`;
export const isExitOutcome = (outcome: string): boolean => outcome.startsWith('exit:');

/** Why a guard refuses a send for good (the send takes its failure handle). */
export const SEND_BLOCK_REASONS = ['do_not_contact', 'opted_out', 'no_address'] as const;
export type SendBlockReason = (typeof SEND_BLOCK_REASONS)[number];

/** Why a time guard holds an advertising send: the campaign's quiet hours, Decree 91's SMS hours. */
export type TimeDeferralReason = 'quiet_hours' | 'advertising_sms_window';
/**
 * Why the send activity answers a deferral by value: a frequency cap, or the account's send rate (the message's
 * turn is further away than a send activity may wait; the turn stays reserved for the call at retryAtMs).
 */
export type ActivityDeferralReason = 'frequency_cap' | 'send_rate';
/** Why a send waits: a time guard (decided in the journey) or the send activity's deferral. */
export type SendDeferralReason = TimeDeferralReason | ActivityDeferralReason;
