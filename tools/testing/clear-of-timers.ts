import type { WorkflowHandle } from '@temporalio/client';
import type { SignalDefinition } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { waitFor } from './wait-for';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/**
 * A timer due this soon (server time) is skipped past before a signal: far longer than a workflow task takes on a
 * loaded machine, far shorter than any wait a journey under test makes.
 */
export const TIMER_GUARD_MS = 10_000;
const MAX_GUARD_SKIPS = 10;
const SETTLE_TIMEOUT_MS = 30_000;

/**
 * Leaves the workflow settled (no workflow task outstanding, no activity running) with no timer due within
 * `TIMER_GUARD_MS`, skipping the server's clock past any that is; what the test sends next cannot race a timer.
 *
 * Why: the time-skipping test server refuses the completion of a workflow task that cancels a timer which fired
 * while the task was with the worker ("invalid history builder state for action") and never times the task out or
 * sends it again: the workflow is stranded, and the server stops skipping time for every workflow on it. While
 * nothing unlocks skipping its clock runs at real pace, so a timer due a moment after an `env.sleep` landed fires
 * while a slow signal task (a loaded machine) is in flight, and a signal that ends a wait cancels that wait's timer.
 *
 * Limit: a test cannot signal within `TIMER_GUARD_MS` before a timer is due; such a race needs the dev server.
 */
export async function clearOfTimers(env: TestWorkflowEnvironment, handle: WorkflowHandle): Promise<void> {
  for (let skips = 0; ; skips += 1) {
    const events = await settled(handle);
    // A closed run's unfired timers never fire; a signal to it fails on its own.
    if (isClose(events.at(-1))) return;
    const due = pendingTimersDueAt(events);
    if (due.length === 0) return;
    const dueInMs = Math.min(...due) - (await env.currentTimeMs());
    if (dueInMs > TIMER_GUARD_MS) return;
    if (skips >= MAX_GUARD_SKIPS)
      throw new Error(
        `Workflow ${handle.workflowId} keeps a timer due within ${TIMER_GUARD_MS} ms: no moment is clear of timers`,
      );
    await env.sleep(Math.max(dueInMs, 0) + 1);
  }
}

/** Signals the workflow once it is clear of timers (see `clearOfTimers`): the way to signal on the time-skipping server. */
export async function signalClearOfTimers<Args extends unknown[]>(
  env: TestWorkflowEnvironment,
  handle: WorkflowHandle,
  signal: SignalDefinition<Args>,
  ...args: Args
): Promise<void> {
  await clearOfTimers(env, handle);
  await handle.signal(signal, ...args);
}

/** The workflow's history once it has closed, or has no workflow task outstanding and no activity running. */
function settled(handle: WorkflowHandle): Promise<HistoryEvent[]> {
  return waitFor(
    `workflow ${handle.workflowId} settled (no workflow task outstanding, no activity running)`,
    async () => {
      const events = (await handle.fetchHistory()).events ?? [];
      const busy = busyWith(events);
      if (busy) throw new Error(`it has ${busy} (${events.length} events in its history)`);
      return events;
    },
    SETTLE_TIMEOUT_MS,
    10,
  );
}

/** What keeps the workflow busy by its history ('a workflow task' or 'N activities running'), or undefined. */
function busyWith(events: readonly HistoryEvent[]): string | undefined {
  let workflowTask = false;
  const activities = new Set<string>();
  let closed = false;
  for (const event of events) {
    if (event.workflowTaskScheduledEventAttributes) workflowTask = true;
    if (
      event.workflowTaskCompletedEventAttributes ||
      event.workflowTaskFailedEventAttributes ||
      event.workflowTaskTimedOutEventAttributes
    )
      workflowTask = false;
    if (event.activityTaskScheduledEventAttributes) activities.add(String(event.eventId));
    const ended =
      event.activityTaskCompletedEventAttributes ??
      event.activityTaskFailedEventAttributes ??
      event.activityTaskTimedOutEventAttributes ??
      event.activityTaskCanceledEventAttributes;
    if (ended?.scheduledEventId != null) activities.delete(String(ended.scheduledEventId));
    closed = isClose(event);
  }
  if (closed) return undefined;
  if (workflowTask) return 'a workflow task outstanding';
  return activities.size > 0 ? `${activities.size} activities running` : undefined;
}

function isClose(event: HistoryEvent | undefined): boolean {
  return Boolean(
    event?.workflowExecutionCompletedEventAttributes ||
    event?.workflowExecutionFailedEventAttributes ||
    event?.workflowExecutionTimedOutEventAttributes ||
    event?.workflowExecutionCanceledEventAttributes ||
    event?.workflowExecutionTerminatedEventAttributes ||
    event?.workflowExecutionContinuedAsNewEventAttributes,
  );
}

/** When each timer started and not yet fired or cancelled is due, in ms since the epoch (server time). */
export function pendingTimersDueAt(events: readonly HistoryEvent[]): number[] {
  const pending = new Map<string, number>();
  for (const event of events) {
    const started = event.timerStartedEventAttributes;
    if (started?.timerId)
      pending.set(started.timerId, protoMs(event.eventTime) + protoMs(started.startToFireTimeout));
    const ended = event.timerFiredEventAttributes ?? event.timerCanceledEventAttributes;
    if (ended?.timerId) pending.delete(ended.timerId);
  }
  return [...pending.values()];
}

/** A protobuf timestamp (since the epoch) or duration, in milliseconds. */
function protoMs(
  value: { seconds?: { toString(): string } | null; nanos?: number | null } | null | undefined,
) {
  return Number(value?.seconds?.toString() ?? 0) * 1000 + Math.floor((value?.nanos ?? 0) / 1e6);
}
