import type { JourneyAction } from '../interpreter/journey-state';
import type { SendActivityInput, SendActivityResult } from '../journey/journey-contract';
import type { Channel } from '../graph/settings.schema';
import type { SendStep } from '../plan/plan.types';
import { classifyActivityFailure } from './activity-failure';
import type { JourneySession } from './journey-session';
import { patched } from '@temporalio/workflow';
import { LONG_WAIT_MS, waitInJourney } from './journey-wait';
import type { PerformResult } from './perform-result';
import { sendDeferral } from '../journey/send-time-guard';
import { EXIT_REASONS, STEP_OUTCOMES } from '../journey/journey-vocabulary';

const SEND_ACTIVITY = {
  zns: 'sendZns',
  oa: 'sendOa',
  sms: 'sendSms',
  email: 'sendEmail',
} as const satisfies Record<Channel, string>;

/** A paused campaign is asked for its state this often, in case its resume signal was missed. */
export const PAUSED_RECHECK_MS = 60 * 60 * 1000;
/**
 * A send its activity held (the campaign was paused or stopped before the journey heard of it) is tried again
 * after the next campaign state signal, or after this long in case that signal was missed.
 */
export const HELD_SEND_RECHECK_MS = 60 * 1000;
/**
 * Patch: a send that waits an hour or more (paused, quiet hours, a frequency cap, a used-up quota) records the
 * journey first, as a wait step does: its enrollment shows the send as the current step and the held or deferred
 * entry in its path, not the step before, for as long as it waits.
 */
export const RECORD_BEFORE_SEND_WAIT = 'record-before-send-wait';

/** A send waits for quotas, caps and windows at most this many times before it takes the failure handle. */
export const MAX_SEND_DEFERRALS = 100;

type Attempt = SendActivityResult | { status: 'retry_at'; retryAtMs: number; reason: string };

/** Whether the step's `held` outcome is on the path already (a send is held once, however long). */
interface Hold {
  logged: boolean;
}

/**
 * One send step: guards (stop, goal, pause, quiet hours, SMS hours), then the channel's activity with the step's
 * idempotency key. Deferrals (frequency cap, quota, provider hours) wait and call again with the same key; a send
 * the activity held for its campaign's state waits for the state's signal and goes through the guards again.
 */
export async function performSend(
  session: JourneySession,
  action: Extract<JourneyAction, { kind: 'send' }>,
): Promise<PerformResult> {
  const { step, stepId, visit } = action;
  const input: SendActivityInput = {
    journey: session.ref,
    stepId,
    idempotencyKey: session.stepKey(stepId, visit),
    step,
  };
  const hold: Hold = { logged: false };
  let deferrals = 0;
  for (;;) {
    const guarded = await passGuards(session, stepId, step, hold);
    if (guarded) return guarded;
    const signalsBefore = session.campaignStateSignals;
    const attempt = await attemptSend(session, input);
    switch (attempt.status) {
      case 'sent':
        session.log.add(stepId, STEP_OUTCOMES.sent, attempt.messageId);
        return { kind: 'send', success: true };
      case 'failed':
        session.log.add(stepId, STEP_OUTCOMES.failed, failedDetail(attempt));
        return { kind: 'send', success: false };
      case 'blocked':
        session.log.add(stepId, STEP_OUTCOMES.blocked, attempt.reason);
        return { kind: 'send', success: false };
      case 'held': {
        logHeld(session, stepId, hold, `campaign ${attempt.campaignState}`);
        // The state the send read is the journey's now, unless a signal brought a newer one meanwhile: the guards
        // then hold a paused journey (with its hourly check) or end a stopped one, signal or not.
        if (session.campaignStateSignals === signalsBefore) session.setCampaignState(attempt.campaignState);
        if (session.campaignState !== 'active') break;
        const end = await waitInJourney(session, {
          kind: 'paused',
          untilMs: Date.now() + HELD_SEND_RECHECK_MS,
          ready: () => session.campaignStateSignals !== signalsBefore,
        });
        if (end === EXIT_REASONS.goal || end === EXIT_REASONS.stopped) return { kind: 'exit', reason: end };
        break;
      }
      case 'deferred':
      case 'retry_at': {
        const { reason } = attempt;
        deferrals += 1;
        if (deferrals >= MAX_SEND_DEFERRALS) {
          session.log.add(
            stepId,
            STEP_OUTCOMES.failed,
            `deferred ${MAX_SEND_DEFERRALS} times; last: ${reason}`,
          );
          return { kind: 'send', success: false };
        }
        session.log.add(
          stepId,
          STEP_OUTCOMES.deferred,
          `${reason} until ${new Date(attempt.retryAtMs).toISOString()}`,
        );
        await recordBeforeLongWait(session, attempt.retryAtMs);
        const end = await waitInJourney(session, { kind: 'send_retry', untilMs: attempt.retryAtMs });
        if (end === EXIT_REASONS.goal || end === EXIT_REASONS.stopped) return { kind: 'exit', reason: end };
      }
    }
  }
}

async function recordBeforeLongWait(session: JourneySession, untilMs: number): Promise<void> {
  if (untilMs - Date.now() >= LONG_WAIT_MS && patched(RECORD_BEFORE_SEND_WAIT)) await session.flush();
}

function logHeld(session: JourneySession, stepId: string, hold: Hold, detail: string): void {
  if (hold.logged) return;
  session.log.add(stepId, STEP_OUTCOMES.held, detail);
  hold.logged = true;
}

/** The error code and message, once: thrown failures carry the code in their message already. */
function failedDetail(result: { errorCode: string; errorMessage: string }): string {
  const { errorCode, errorMessage } = result;
  return errorMessage.startsWith(`${errorCode}:`) ? errorMessage : `${errorCode}: ${errorMessage}`;
}

async function attemptSend(session: JourneySession, input: SendActivityInput): Promise<Attempt> {
  try {
    return await session.driver.provider[SEND_ACTIVITY[input.step.channel]](input);
  } catch (error) {
    const failure = classifyActivityFailure(error, Date.now());
    return failure.kind === 'retry_at'
      ? { status: 'retry_at', retryAtMs: failure.retryAtMs, reason: failure.reason }
      : { status: 'failed', errorCode: failure.code, errorMessage: failure.reason };
  }
}

/** Holds the send while the campaign is paused or a time guard applies; an exit when the journey must leave. */
async function passGuards(
  session: JourneySession,
  stepId: string,
  step: SendStep,
  hold: Hold,
): Promise<PerformResult | undefined> {
  for (;;) {
    const interruption = session.interruption();
    if (interruption) return { kind: 'exit', reason: interruption };
    if (session.campaignState === 'paused') {
      logHeld(session, stepId, hold, 'campaign paused');
      await recordBeforeLongWait(session, Date.now() + PAUSED_RECHECK_MS);
      const end = await waitInJourney(session, {
        kind: 'paused',
        untilMs: Date.now() + PAUSED_RECHECK_MS,
        ready: () => session.campaignState !== 'paused',
      });
      if (end === 'elapsed') await session.refreshCampaignState();
      continue;
    }
    const deferral = sendDeferral({
      nowMs: Date.now(),
      channel: step.channel,
      purpose: step.purpose,
      settings: session.plan.settings,
    });
    if (!deferral) return undefined;
    session.log.add(
      stepId,
      STEP_OUTCOMES.deferred,
      `${deferral.reason} until ${new Date(deferral.untilMs).toISOString()}`,
    );
    await recordBeforeLongWait(session, deferral.untilMs);
    await waitInJourney(session, { kind: deferral.reason, untilMs: deferral.untilMs });
  }
}
