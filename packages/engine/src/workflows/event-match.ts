import type { CampaignSettings } from '../graph/settings.schema';
import type { ContactJourneyInput, JourneyEvent } from '../journey/journey-contract';
import type { WaitEventStep } from '../plan/plan.types';
import { matchesFilter } from '../rules/match-filter';
import { readPath } from '../rules/read-path';

/**
 * The value awaited events must carry at a wait's `matchEntryKey`: the entry event's property named by the
 * trigger's entry key (e.g. its orderId), else the journey's entry key.
 */
export function entryKeyValueOf(input: ContactJourneyInput): string {
  const { trigger } = input.plan;
  const property = trigger.type === 'trigger.event' ? trigger.entryKey : undefined;
  const value = property && input.entryEvent ? readPath(input.entryEvent.properties, property) : undefined;
  return value === undefined || value === null || value === '' ? input.entryKey : String(value);
}

/** Whether an event satisfies a wait.event step: name, property filter and, when asked, the entry key. */
export function matchesWaitEvent(step: WaitEventStep, event: JourneyEvent, entryKeyValue: string): boolean {
  if (event.name !== step.event || !matchesFilter(step.filter, event.properties ?? {})) return false;
  if (step.matchEntryKey === undefined) return true;
  const value = readPath(event.properties, step.matchEntryKey);
  return value !== undefined && value !== null && String(value) === entryKeyValue;
}

/** Whether an event reaches the campaign's conversion goal (the window is checked by the caller). */
export function matchesGoal(goal: NonNullable<CampaignSettings['goal']>, event: JourneyEvent): boolean {
  return event.name === goal.event && matchesFilter(goal.filter, event.properties ?? {});
}
