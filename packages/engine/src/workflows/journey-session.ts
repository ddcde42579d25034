import { ActivityFailure, ApplicationFailure, continueAsNew, workflowInfo } from '@temporalio/workflow';
import { actionAt, interpret } from '../interpreter/interpret';
import {
  initialCursor,
  type JourneyAction,
  type JourneyCursor,
  type StepOutcome,
} from '../interpreter/journey-state';
import type { CampaignState, ContactJourneyInput, JourneyRef } from '../journey/journey-contract';
import type { JourneyResult, JourneyStatus, WaitingFor } from '../journey/journey-status';
import { durationMs } from '../plan/duration';
import type { Plan, StepId } from '../plan/plan.types';
import { sendIdempotencyKey } from '../journey/journey-ids';
import { EXIT_REASONS, exitOutcome, isExitOutcome, STEP_OUTCOMES } from '../journey/journey-vocabulary';
import { EventInbox, isJourneyEvent } from './event-inbox';
import { entryKeyValueOf, matchesGoal } from './event-match';
import type { JourneyDriver } from './journey-driver';
import { parseContinuation, type JourneyContinuation, type ResumedWait } from './journey-continuation';
import { JourneyLog } from './journey-log';

/** Why a journey leaves before its plan says so. */
export type Interruption = typeof EXIT_REASONS.goal | typeof EXIT_REASONS.stopped;

const CAMPAIGN_STATES: CampaignState[] = ['active', 'paused', 'stopped'];

/**
 * One journey's state in the workflow: where it stands, its events, campaign state, conversion and path. Plain
 * bookkeeping; the waiting and the activities are done by the step performers.
 */
export class JourneySession {
  readonly plan: Plan;
  readonly ref: JourneyRef;
  /** The value awaited events carried at a wait's matchEntryKey before the WAIT_KEY_FROM_ENTRY_EVENT patch. */
  readonly entryKeyValue: string;
  readonly inbox: EventInbox;
  readonly log: JourneyLog;
  readonly entryAtMs: number;
  private readonly enrollmentRunId: string;
  cursor: JourneyCursor;
  campaignState: CampaignState;
  /** Campaign state signals received by this run (a send held by its activity waits for the next one). */
  campaignStateSignals = 0;
  converted: boolean;
  private resumedWait: ResumedWait | undefined;
  private waitingFor: WaitingFor | undefined;
  private exit: { stepId: StepId | null; reason: string } | undefined;
  private readonly runs: number;
  private eventsReceived: number;
  private stepsAtRunStart = 0;
  private readonly eventsAtRunStart: number;

  constructor(
    private readonly input: ContactJourneyInput,
    readonly driver: JourneyDriver,
  ) {
    this.plan = input.plan;
    const { workflowId, enrollmentId } = driver;
    this.enrollmentRunId = enrollmentId;
    this.ref = {
      workspaceId: input.workspaceId,
      campaignId: input.plan.campaignId,
      versionId: input.plan.versionId,
      contactId: input.contactId,
      workflowId,
      enrollmentId,
      entryKey: input.entryKey,
      ...(input.entryEvent && { entryEventId: input.entryEvent.id }),
      ...(driver.cohortWorkflowId !== undefined && { cohortWorkflowId: driver.cohortWorkflowId }),
    };
    this.entryKeyValue = entryKeyValueOf(input);
    const continued = input.continued === undefined ? undefined : parseOrFail(input.continued, input.plan);
    this.inbox = new EventInbox(continued ?? { seenEventIds: [], buffer: [] });
    // The entry event entered the journey: a signal repeating it (signalWithStart) is a duplicate.
    if (input.entryEvent) this.inbox.markSeen(input.entryEvent.id);
    this.log = new JourneyLog(continued ?? { path: [], unflushed: [] });
    this.entryAtMs = continued?.entryAtMs ?? Date.now();
    this.cursor = continued?.cursor ?? initialCursor();
    this.campaignState = continued?.campaignState ?? 'active';
    this.converted = continued?.converted ?? false;
    this.resumedWait = continued?.wait;
    this.runs = continued?.runs ?? 0;
    this.eventsReceived = continued?.eventsReceived ?? 0;
    this.eventsAtRunStart = this.eventsReceived;
  }

  /** The event that enrolled the contact (trigger.event), if any. */
  get entryEvent(): ContactJourneyInput['entryEvent'] {
    return this.input.entryEvent;
  }

  /** The idempotency key of a step visit's side effect (the same in every run of this enrollment). */
  stepKey(stepId: StepId, visit: number): string {
    return sendIdempotencyKey(this.ref.workflowId, stepId, visit, this.enrollmentRunId);
  }

  /** Enters the plan, or resumes where the previous run stopped; returns the first action. */
  start(): JourneyAction {
    const action = this.cursor.stepId === null ? this.enter() : actionAt(this.plan, this.cursor);
    this.stepsAtRunStart = this.cursor.stepsTaken;
    return action;
  }

  private enter(): JourneyAction {
    // Journeys recorded before startAt existed have none: they enter exactly as before (no patch needed).
    const { startAt } = this.input;
    if (startAt !== undefined && !this.plan.steps[startAt])
      throw ApplicationFailure.nonRetryable(
        `Plan ${this.plan.hash} has no step ${startAt} to start at`,
        'LoaInvalidStartStep',
      );
    this.log.add(startAt ?? this.plan.entryStepId, STEP_OUTCOMES.entered, this.input.entryEvent?.id);
    const entered =
      startAt === undefined ? { kind: 'entered' as const } : { kind: 'entered' as const, at: startAt };
    return this.apply(interpret(this.plan, this.cursor, entered, this.context()));
  }

  /** Feeds the outcome of the last action to the interpreter; returns the next action. */
  advance(outcome: StepOutcome): JourneyAction {
    return this.apply(interpret(this.plan, this.cursor, outcome, this.context()));
  }

  private apply(transition: ReturnType<typeof interpret>): JourneyAction {
    this.cursor = transition.cursor;
    for (const passed of transition.passed) this.log.add(passed.stepId, passed.outcome);
    const { action } = transition;
    // Exits through exit steps are in `passed`; the step limit is not a step.
    if (action.kind === 'exit' && !transition.passed.some((passed) => isExitOutcome(passed.outcome)))
      this.log.add(action.stepId ?? this.plan.entryStepId, exitOutcome(action.reason));
    return action;
  }

  private context() {
    return { contactId: this.input.contactId };
  }

  /** The step the journey is at (or exited at). */
  get stepId(): StepId | null {
    return this.exit ? this.exit.stepId : this.cursor.stepId;
  }

  /** Signal handler: a new event is buffered for waits and checked against the conversion goal. */
  receiveEvent(event: unknown): void {
    if (this.exit || !isJourneyEvent(event)) return;
    const nowMs = Date.now();
    if (!this.inbox.accept(event, nowMs)) return;
    this.eventsReceived += 1;
    const { goal } = this.plan.settings;
    if (
      goal &&
      !this.converted &&
      nowMs <= this.entryAtMs + durationMs(goal.window) &&
      matchesGoal(goal, event)
    ) {
      this.converted = true;
      this.log.add(this.stepId ?? this.plan.entryStepId, STEP_OUTCOMES.converted, event.id);
    }
  }

  /** Signal handler: the campaign's state, as the API signals it after each change. */
  receiveCampaignState(state: unknown): void {
    this.campaignStateSignals += 1;
    this.setCampaignState(state);
  }

  /** The campaign state from a signal or a refresh: a stopped campaign stays stopped. */
  setCampaignState(state: unknown): void {
    if (!CAMPAIGN_STATES.includes(state as CampaignState) || this.campaignState === 'stopped') return;
    this.campaignState = state as CampaignState;
  }

  /** Asks the campaign's state (after long waits: its signal may have been missed); keeps it on failure. */
  async refreshCampaignState(): Promise<void> {
    try {
      this.setCampaignState(
        await this.driver.internal.getCampaignState({ campaignId: this.plan.campaignId }),
      );
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
    }
  }

  /** Whether the journey must leave now: the goal was reached (with exit on goal) or the campaign stopped. */
  interruption(): Interruption | undefined {
    if (this.campaignState === 'stopped') return EXIT_REASONS.stopped;
    if (this.converted && this.plan.settings.goal?.exitOnGoal) return EXIT_REASONS.goal;
    return undefined;
  }

  /** Whether this run should hand over to a new one: Temporal suggests it, or an operations knob says so. */
  continueDue(): boolean {
    if (this.driver.handOver) return this.driver.handOver.due();
    if (!this.driver.continuesAsNew) return false;
    if (workflowInfo().continueAsNewSuggested) return true;
    const { continueAfterSteps: steps, continueAfterEvents: events } = this.input;
    if (steps !== undefined && steps > 0 && this.cursor.stepsTaken - this.stepsAtRunStart >= steps)
      return true;
    return events !== undefined && events > 0 && this.eventsReceived - this.eventsAtRunStart >= events;
  }

  /** Continues as new with everything the journey holds; `wait` resumes a step's wait in the next run. */
  continueAsNew(wait?: ResumedWait): Promise<never> {
    if (this.driver.handOver) return this.driver.handOver.park(this, wait);
    return continueAsNew<(input: ContactJourneyInput) => Promise<JourneyResult>>({
      ...this.input,
      continued: this.continuation(wait),
    });
  }

  /** Everything the journey holds, for its next run. */
  continuation(wait?: ResumedWait): JourneyContinuation {
    return {
      version: 1,
      cursor: this.cursor,
      ...(wait && { wait }),
      ...this.inbox.snapshot(),
      converted: this.converted,
      entryAtMs: this.entryAtMs,
      campaignState: this.campaignState,
      ...this.log.snapshot(),
      runs: this.runs + 1,
      eventsReceived: this.eventsReceived,
    };
  }

  hasResumedWait(stepId: StepId): boolean {
    return this.resumedWait !== undefined && this.cursor.stepId === stepId;
  }

  /** The wait a continued run resumes, handed out once to the step it belongs to. */
  takeResumedWait(stepId: StepId): ResumedWait | undefined {
    const wait = this.resumedWait;
    this.resumedWait = undefined;
    return wait && this.cursor.stepId === stepId ? wait : undefined;
  }

  setWaiting(waitingFor: WaitingFor | undefined): void {
    this.waitingFor = waitingFor;
  }

  /** Records the entries not recorded yet (before long waits); a failure keeps them for the next time. */
  async flush(): Promise<void> {
    if (this.log.pending === 0) return;
    const { entries, firstSeq, restore } = this.log.take();
    try {
      await this.driver.record.recordJourney({
        journey: this.ref,
        firstSeq,
        entries,
        status: 'active',
        converted: this.converted,
      });
    } catch (error) {
      restore();
      if (!(error instanceof ActivityFailure)) throw error;
    }
  }

  /**
   * Leaves the journey at `stepId` (logging the exit unless an exit step already did), records everything not
   * recorded yet, and returns the result.
   */
  async finish(exit: { reason: string; stepId: StepId | null; logged: boolean }): Promise<JourneyResult> {
    const { reason, stepId } = exit;
    if (!exit.logged) this.log.add(stepId ?? this.plan.entryStepId, exitOutcome(reason));
    this.exit = { stepId, reason };
    this.waitingFor = undefined;
    const { entries, firstSeq } = this.log.take();
    await this.driver.record.recordJourney({
      journey: this.ref,
      firstSeq,
      entries,
      status: 'exited',
      exitReason: reason,
      converted: this.converted,
    });
    return {
      exitReason: reason,
      converted: this.converted,
      stepsTaken: this.cursor.stepsTaken,
      path: this.log.path,
    };
  }

  status(): JourneyStatus {
    return {
      stepId: this.stepId,
      status: this.exit ? 'exited' : this.waitingFor ? 'waiting' : 'running',
      ...(this.waitingFor && { waitingFor: this.waitingFor }),
      path: this.log.path,
      converted: this.converted,
      ...(this.exit && { exitReason: this.exit.reason }),
    };
  }
}

function parseOrFail(value: unknown, plan: Plan): JourneyContinuation {
  try {
    return parseContinuation(value, plan);
  } catch (error) {
    throw ApplicationFailure.nonRetryable((error as Error).message, 'LoaInvalidContinuation');
  }
}
