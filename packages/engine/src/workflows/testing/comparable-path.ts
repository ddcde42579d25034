import { DateTime } from 'luxon';
import type { JourneyLogEntry } from '../../journey/journey-contract';
import type { SimulatedContact } from '../../simulator/simulation-result.types';

/** Node types whose simulated step spans a wait: the journey logs `waiting` when it begins and the outcome at its end. */
const WAIT_KINDS = new Set(['wait.delay', 'wait.until', 'wait.event']);

/**
 * Journey path entries that say how a step is going rather than how it ended (a goal reached while the journey goes
 * on, a paused campaign): the simulator has them as the contact's `converted` or not at all.
 */
const IN_PROGRESS = new Set(['held', 'converted']);

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
    const held = step.deferredBy ? [entry(step.stepId, deferred(step.deferredBy), atMs, timezone)] : [];
    if (WAIT_KINDS.has(step.kind) && endMs > atMs)
      return [
        entry(step.stepId, 'waiting', atMs, timezone),
        entry(step.stepId, step.outcome, endMs, timezone),
      ];
    return [...held, entry(step.stepId, step.outcome, endMs, timezone)];
  });
}

/**
 * A journey's recorded path, step by step, in the same form. The `deferred` entries of one hold (one per guard,
 * `<reason> until <time>`) become one entry naming the reasons, at the moment the hold began.
 */
export function journeySteps(path: JourneyLogEntry[], timezone: string): string[] {
  const steps: string[] = [];
  const kept = path.filter((step) => !IN_PROGRESS.has(step.outcome));
  for (let index = 0; index < kept.length; index += 1) {
    const step = kept[index];
    if (step.outcome !== 'deferred') {
      steps.push(entry(step.stepId, step.outcome, Date.parse(step.at), timezone));
      continue;
    }
    const reasons: string[] = [];
    let last = index;
    for (
      ;
      last < kept.length && kept[last].outcome === 'deferred' && kept[last].stepId === step.stepId;
      last += 1
    ) {
      const reason = kept[last].detail?.split(' ')[0] ?? '?';
      if (!reasons.includes(reason)) reasons.push(reason);
    }
    steps.push(entry(step.stepId, deferred(reasons), Date.parse(step.at), timezone));
    index = last - 1;
  }
  return steps;
}

const deferred = (reasons: string[]) => `deferred(${reasons.join(',')})`;
