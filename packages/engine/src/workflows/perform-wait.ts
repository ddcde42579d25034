import { patched } from '@temporalio/workflow';
import type { JourneyEvent } from '../journey/journey-contract';
import type { WaitingKind } from '../journey/journey-status';
import { STEP_OUTCOMES } from '../journey/journey-vocabulary';
import { awaitedEntryKeyValue } from '../journey/wait-event-key';
import { readPath } from '../rules/read-path';
import { dateAttributeMoment, nextTimeOfDay } from '../time/wait-until';
import { matchesWaitEvent } from './event-match';
import type { ResumedWait } from './journey-continuation';
import type { JourneySession } from './journey-session';
import { LONG_WAIT_MS, waitInJourney, type WaitEnd } from './journey-wait';
import { failedInternally, logged, type PerformedAction, type PerformResult } from './perform-result';

type Action = PerformedAction;

/**
 * DESIGN §6 patch: a wait.event's matchEntryKey compares with the entry event's property (the trigger's entry key,
 * else the wait's own key name), as the simulator does. Before it, a trigger without an entry key made the wait
 * compare with the journey's entry key (`once` or the event id), which no event carries.
 */
export const WAIT_KEY_FROM_ENTRY_EVENT = 'wait-key-from-entry-event';

/**
 * Patch: a journey records its enrollment before its first wait, however short. The API finds running journeys by
 * their `active` enrollment rows (events for wait.event and goals, pause/resume/stop, cancel); before it, a journey
 * whose waits were all shorter than LONG_WAIT_MS had no row until it exited, and the event it waited for never
 * reached it.
 */
export const RECORD_BEFORE_FIRST_WAIT = 'record-before-first-wait';

/** wait.delay: the step's duration, then `elapsed`. */
export async function performDelay(
  session: JourneySession,
  action: Extract<Action, { kind: 'delay' }>,
): Promise<PerformResult> {
  const end = await stepWait(session, action, 'delay', (beganAtMs) => beganAtMs + action.durationMs);
  return end === 'elapsed'
    ? logged(session, action, STEP_OUTCOMES.elapsed, { kind: 'elapsed' })
    : exitOn(end);
}

/** wait.until: the next time of day in the campaign timezone, or a contact date attribute (none: go on). */
export async function performWaitUntil(
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
        attributes = await session.driver.internal.readContactAttributes({
          journey: session.ref,
          fields: [until.attribute],
        });
      } catch (error) {
        return failedInternally(session, action, error);
      }
      const value =
        until.attribute in attributes ? attributes[until.attribute] : readPath(attributes, until.attribute);
      const moment = dateAttributeMoment({ value, offsetDays: until.offsetDays, time: until.time, timezone });
      if (moment === undefined)
        return logged(
          session,
          action,
          STEP_OUTCOMES.elapsed,
          { kind: 'elapsed' },
          `no date in ${until.attribute}`,
        );
      targetMs = moment;
    }
    if (targetMs <= Date.now())
      return logged(session, action, STEP_OUTCOMES.elapsed, { kind: 'elapsed' }, 'already passed');
  }
  const end = await stepWait(session, action, 'wait_until', () => targetMs);
  return end === 'elapsed'
    ? logged(session, action, STEP_OUTCOMES.elapsed, { kind: 'elapsed' })
    : exitOn(end);
}

/** wait.event: the first matching event received since the wait began, or the timeout. */
export async function performWaitEvent(
  session: JourneySession,
  action: Extract<Action, { kind: 'wait_event' }>,
): Promise<PerformResult> {
  const { step } = action;
  const entryKeyValue =
    step.matchEntryKey !== undefined && patched(WAIT_KEY_FROM_ENTRY_EVENT)
      ? awaitedEntryKeyValue({ plan: session.plan, step, entryProperties: session.entryEvent?.properties })
      : session.entryKeyValue;
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
          matchesWaitEvent(step, event, entryKeyValue),
        )) !== undefined;
    },
    step.event,
  );
  if (end === 'ready')
    return logged(session, action, STEP_OUTCOMES.matched, { kind: 'event', matched: true }, matched?.id);
  if (end === 'elapsed')
    return logged(session, action, STEP_OUTCOMES.timeout, { kind: 'event', matched: false });
  return exitOn(end);
}

/**
 * The wait of a delay, wait.until or wait.event step: logged, recorded first when long or the journey's first, resumed with the same start
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
      STEP_OUTCOMES.waiting,
      event ? `${event} until ${iso(resume.untilMs)}` : `until ${iso(resume.untilMs)}`,
    );
    const long = resume.untilMs - resume.beganAtMs >= LONG_WAIT_MS;
    if (long || (!session.log.recorded && patched(RECORD_BEFORE_FIRST_WAIT))) await session.flush();
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

function exitOn(end: WaitEnd): PerformResult {
  if (end === 'ready') throw new Error('A timed wait cannot end ready');
  return { kind: 'exit', reason: end };
}

const iso = (ms: number) => new Date(ms).toISOString();
