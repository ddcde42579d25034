import { DateTime } from 'luxon';
import type { JourneyLogEntry } from '../../journey/journey-contract';
import type { SimulatedContact } from '../../simulator/simulation-result.types';

/** Node types whose simulated step spans a wait: the journey logs `waiting` when it begins and the outcome at its end. */
const WAIT_KINDS = new Set(['wait.delay', 'wait.until', 'wait.event']);

/**
 * Journey path entries that say how a step is going rather than how it ended (a guard holding a send, a goal
 * reached while the journey goes on): the simulator folds them into the step's end time and the contact's
 * `converted`, so the comparison leaves them out.
 */
const IN_PROGRESS = new Set(['deferred', 'held', 'converted']);

/** `stepId:outcome@local minute`: the step, how it ended and when, in the campaign timezone. */
const entry = (stepId: string, outcome: string, atMs: number, timezone: string) =>
  `${stepId}:${outcome}@${DateTime.fromMillis(atMs, { zone: timezone }).toFormat("yyyy-LL-dd'T'HH:mm")}`;

/**
 * A simulated contact's path, step by step. The simulator records entry at the trigger node (its node counts need
 * it); a journey's plan has no trigger step, so the journey records entry at the plan's entry step.
 */
export function simulatedSteps(
  contact: SimulatedContact,
  options: { triggerNodeId: string; entryStepId: string; timezone: string },
): string[] {
  const { timezone } = options;
  return contact.path.flatMap((step) => {
    const atMs = Date.parse(step.at);
    if (step.stepId === options.triggerNodeId && step.outcome === 'entered')
      return [entry(options.entryStepId, 'entered', atMs, timezone)];
    const endMs = step.endedAt === undefined ? atMs : Date.parse(step.endedAt);
    if (WAIT_KINDS.has(step.kind) && endMs > atMs)
      return [
        entry(step.stepId, 'waiting', atMs, timezone),
        entry(step.stepId, step.outcome, endMs, timezone),
      ];
    return [entry(step.stepId, step.outcome, endMs, timezone)];
  });
}

/** A journey's recorded path, step by step, in the same form. */
export function journeySteps(path: JourneyLogEntry[], timezone: string): string[] {
  return path
    .filter((step) => !IN_PROGRESS.has(step.outcome))
    .map((step) => entry(step.stepId, step.outcome, Date.parse(step.at), timezone));
}
