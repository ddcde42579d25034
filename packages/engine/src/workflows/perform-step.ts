import type { JourneyAction } from '../interpreter/journey-state';
import { readPath } from '../rules/read-path';
import { dateAttributeMoment, nextTimeOfDay } from '../time/wait-until';
import { classifyActivityFailure } from './activity-failure';
import { matchesWaitEvent } from './event-match';
import { internalActivities, providerActivities } from './journey-activities';
import type { ResumedWait } from './journey-continuation';
import type { JourneySession } from './journey-session';
import { LONG_WAIT_MS, waitInJourney, type WaitEnd } from './journey-wait';
import type { PerformResult } from './perform-result';
import { performSend } from './perform-send';
import type { WaitingKind } from '../journey/journey-status';
import type { JourneyEvent } from '../journey/journey-contract';

type Action = Exclude<JourneyAction, { kind: 'exit' }>;

/** Performs one action of the interpreter (DESIGN §3 node semantics) and reports its outcome. */
export async function performAction(session: JourneySession, action: Action): Promise<PerformResult> {
  switch (action.kind) {
    case 'delay': {
      const end = await stepWait(session, action, 'delay', (beganAtMs) => beganAtMs + action.durationMs);
      return end === 'elapsed' ? logged(session, action, 'elapsed', { kind: 'elapsed' }) : exitOn(end);
    }
    case 'wait_until':
      return performWaitUntil(session, action);
    case 'wait_event':
      return performWaitEvent(session, action);
    case 'condition':
      return internal(session, action, async () => {
        const result = await internalActivities.evaluateCondition({
          journey: session.ref,
          stepId: action.stepId,
          rule: action.rule,
        });
        return logged(session, action, result ? 'yes' : 'no', { kind: 'condition', result });
      });
    case 'send':
      return performSend(session, action);
    case 'update_contact':
      return internal(session, action, async () => {
        await internalActivities.updateContact({
          journey: session.ref,
          stepId: action.stepId,
          idempotencyKey: session.stepKey(action.stepId, action.visit),
          step: action.step,
        });
        return logged(session, action, 'updated', { kind: 'contact_updated' });
      });
    case 'http':
      return performHttp(session, action);
  }
}

async function performWaitUntil(
  session: JourneySession,
  action: Extract<Action, { kind: 'wait_until' }>,
): Promise<PerformResult> {
  const { until } = action;
  const { timezone } = session.plan.settings;
  let targetMs = 0;
  // A continued run resumes the wait with the end computed when it began.
  if (!session.hasResumedWait(action.stepId)) {
    if (until.kind === 'time_of_day') {
      targetMs = nextTimeOfDay({ nowMs: Date.now(), timezone, time: until.time, weekdays: until.weekdays });
    } else {
      let attributes: Record<string, unknown>;
      try {
        attributes = await internalActivities.readContactAttributes({
          journey: session.ref,
          fields: [until.attribute],
        });
      } catch (error) {
        return failedInternally(session, action, error);
      }
      const value =
        until.attribute in attributes ? attributes[until.attribute] : readPath(attributes, until.attribute);
      const moment = dateAttributeMoment({ value, offsetDays: until.offsetDays, time: until.time, timezone });
      if (moment === undefined) return logged(session, action, 'skipped: no date', { kind: 'elapsed' });
      targetMs = moment;
    }
    if (targetMs <= Date.now())
      return logged(session, action, 'elapsed', { kind: 'elapsed' }, 'already passed');
  }
  const end = await stepWait(session, action, 'wait_until', () => targetMs);
  return end === 'elapsed' ? logged(session, action, 'elapsed', { kind: 'elapsed' }) : exitOn(end);
}

async function performWaitEvent(
  session: JourneySession,
  action: Extract<Action, { kind: 'wait_event' }>,
): Promise<PerformResult> {
  const { step } = action;
  let matched: JourneyEvent | undefined;
  const end = await stepWait(
    session,
    action,
    'event',
    (beganAtMs) => beganAtMs + step.timeoutMs,
    (beganAtMs) => {
      // Only events received since the wait began count (signals of the activation it began in included).
      session.inbox.dropBefore(beganAtMs);
      return () =>
        (matched ??= session.inbox.take(beganAtMs, (event) =>
          matchesWaitEvent(step, event, session.entryKeyValue),
        )) !== undefined;
    },
    step.event,
  );
  if (end === 'ready')
    return logged(session, action, 'matched', { kind: 'event', matched: true }, matched?.id);
  if (end === 'elapsed') return logged(session, action, 'timeout', { kind: 'event', matched: false });
  return exitOn(end);
}

/**
 * The wait of a delay, wait.until or wait.event step: logged, recorded first when long, resumed with the same start
 * and end after continue-as-new, followed by a campaign state refresh when it was long.
 */
async function stepWait(
  session: JourneySession,
  action: Action,
  kind: WaitingKind,
  endOf: (beganAtMs: number) => number,
  readyOf?: (beganAtMs: number) => () => boolean,
  event?: string,
): Promise<WaitEnd> {
  const resumed = session.takeResumedWait(action.stepId);
  const resume: ResumedWait = resumed ?? { beganAtMs: Date.now(), untilMs: endOf(Date.now()) };
  if (!resumed) {
    session.log.add(
      action.stepId,
      'waiting',
      event ? `${event} until ${iso(resume.untilMs)}` : `until ${iso(resume.untilMs)}`,
    );
    if (resume.untilMs - resume.beganAtMs >= LONG_WAIT_MS) await session.flush();
  }
  const end = await waitInJourney(session, {
    kind,
    untilMs: resume.untilMs,
    ...(event && { event }),
    ...(readyOf && { ready: readyOf(resume.beganAtMs) }),
    resume,
  });
  if ((end === 'elapsed' || end === 'ready') && Date.now() - resume.beganAtMs >= LONG_WAIT_MS) {
    await session.refreshCampaignState();
    return session.interruption() ?? end;
  }
  return end;
}

async function performHttp(
  session: JourneySession,
  action: Extract<Action, { kind: 'http' }>,
): Promise<PerformResult> {
  try {
    const response = await providerActivities.callHttp({
      journey: session.ref,
      stepId: action.stepId,
      idempotencyKey: session.stepKey(action.stepId, action.visit),
      step: action.step,
    });
    const detail = response.error ?? (response.status === undefined ? undefined : `HTTP ${response.status}`);
    return logged(
      session,
      action,
      response.success ? 'success' : 'failure',
      { kind: 'http', success: response.success },
      detail,
    );
  } catch (error) {
    const failure = classifyActivityFailure(error, Date.now());
    return logged(session, action, 'failure', { kind: 'http', success: false }, failure.reason);
  }
}

/** Contact data activities retry for about an hour; if they still fail, the journey leaves as failed. */
async function internal(
  session: JourneySession,
  action: Action,
  perform: () => Promise<PerformResult>,
): Promise<PerformResult> {
  try {
    return await perform();
  } catch (error) {
    return failedInternally(session, action, error);
  }
}

function failedInternally(session: JourneySession, action: Action, error: unknown): PerformResult {
  const failure = classifyActivityFailure(error, Date.now());
  session.log.add(action.stepId, 'error', failure.reason);
  return { kind: 'exit', reason: 'failed' };
}

function logged(
  session: JourneySession,
  action: Action,
  outcome: string,
  result: PerformResult,
  detail?: string,
): PerformResult {
  session.log.add(action.stepId, outcome, detail);
  return result;
}

function exitOn(end: 'goal' | 'stopped' | 'ready'): PerformResult {
  if (end === 'ready') throw new Error('A timed wait cannot end ready');
  return { kind: 'exit', reason: end };
}

const iso = (ms: number) => new Date(ms).toISOString();
