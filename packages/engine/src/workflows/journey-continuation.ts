import type { CampaignState, JourneyLogEntry } from '../journey/journey-contract';
import type { JourneyCursor } from '../interpreter/journey-state';
import type { Plan } from '../plan/plan.types';
import { isJourneyEvent, type BufferedEvent } from './event-inbox';

/** A wait in progress when the journey continued as new: the next run resumes it, same start, same end. */
export interface ResumedWait {
  beganAtMs: number;
  untilMs: number;
}

/** Everything a journey carries through continue-as-new (`ContactJourneyInput.continued`). */
export interface JourneyContinuation {
  version: 1;
  /** Stands at the step to perform next (an action step, never a split or exit). */
  cursor: JourneyCursor;
  wait?: ResumedWait;
  seenEventIds: string[];
  /** Received events no wait has consumed yet. */
  buffer: BufferedEvent[];
  converted: boolean;
  entryAtMs: number;
  campaignState: CampaignState;
  /** Recent path entries (for queries) and entries not recorded yet. */
  path: JourneyLogEntry[];
  unflushed: JourneyLogEntry[];
  /** Entries logged over the whole enrollment (absent in continuations written before it was counted). */
  logged?: number;
  /** Runs before this one, and events received over the whole journey. */
  runs: number;
  eventsReceived: number;
}

/** Checks a continuation against the plan; throws with the first problem found. */
export function parseContinuation(value: unknown, plan: Plan): JourneyContinuation {
  const fail = (problem: string): never => {
    throw new Error(`Invalid journey continuation: ${problem}`);
  };
  if (!isRecord(value) || value.version !== 1) fail('not a version 1 continuation');
  const state = value as Record<string, unknown>;
  const cursor = state.cursor;
  if (!isRecord(cursor) || typeof cursor.stepId !== 'string') fail('cursor.stepId');
  const { stepId, visits, stepsTaken } = cursor as Record<string, unknown>;
  const step = plan.steps[stepId as string];
  if (!step || step.kind === 'split' || step.kind === 'exit') fail(`cursor.stepId ${String(stepId)}`);
  if (!isRecord(visits) || !Object.values(visits).every(isCount)) fail('cursor.visits');
  if (!isCount(stepsTaken)) fail('cursor.stepsTaken');
  const wait = state.wait;
  if (wait !== undefined && !(isRecord(wait) && isTime(wait.beganAtMs) && isTime(wait.untilMs))) fail('wait');
  if (!isArrayOf(state.seenEventIds, (id) => typeof id === 'string')) fail('seenEventIds');
  if (
    !isArrayOf(
      state.buffer,
      (item) => isRecord(item) && isJourneyEvent(item.event) && isTime(item.receivedAtMs),
    )
  )
    fail('buffer');
  if (typeof state.converted !== 'boolean') fail('converted');
  if (!isTime(state.entryAtMs)) fail('entryAtMs');
  if (!['active', 'paused', 'stopped'].includes(state.campaignState as string)) fail('campaignState');
  if (!isArrayOf(state.path, isLogEntry)) fail('path');
  if (!isArrayOf(state.unflushed, isLogEntry)) fail('unflushed');
  if (
    state.logged !== undefined &&
    !(isCount(state.logged) && (state.logged as number) >= (state.unflushed as unknown[]).length)
  )
    fail('logged');
  if (!isCount(state.runs) || !isCount(state.eventsReceived)) fail('counters');
  return value as JourneyContinuation;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isTime(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value);
}

function isArrayOf(value: unknown, test: (item: unknown) => boolean): boolean {
  return Array.isArray(value) && value.every(test);
}

function isLogEntry(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.stepId === 'string' &&
    typeof value.outcome === 'string' &&
    typeof value.at === 'string'
  );
}
