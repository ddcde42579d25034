import type { CampaignSettings } from '../graph/settings.schema';
import type { ContactJourneyInput, JourneyEvent } from '../journey/journey-contract';
import type { WaitEventStep } from '../plan/plan.types';
import { matchesFilter } from '../rules/match-filter';
import { readPath } from '../rules/read-path';
import { carriesEntryKey } from '../journey/wait-event-key';

/**
 * The value awaited events carried at a wait's `matchEntryKey` in journeys that began before the
 * WAIT_KEY_FROM_ENTRY_EVENT patch: the entry event's property named by the trigger's entry key (e.g. its orderId),
 * else the journey's entry key (`once` or an event id, which no awaited event carries).
 */
export function entryKeyValueOf(input: ContactJourneyInput): string {
  const { trigger } = input.plan;
  const property = trigger.type === 'trigger.event' ? trigger.entryKey : undefined;
  const value = property && input.entryEvent ? readPath(input.entryEvent.properties, property) : undefined;
  return value === undefined || value === null || value === '' ? input.entryKey : String(value);
}

/** Whether an event satisfies a wait.event step: name, property filter and, when asked, the entry key value. */
export function matchesWaitEvent(step: WaitEventStep, event: JourneyEvent, entryKeyValue: unknown): boolean {
  if (event.name !== step.event || !matchesFilter(step.filter, event.properties ?? {})) return false;
  return carriesEntryKey(step, event.properties ?? {}, entryKeyValue);
}

/** Whether an event reaches the campaign's conversion goal (the window is checked by the caller). */
export function matchesGoal(goal: NonNullable<CampaignSettings['goal']>, event: JourneyEvent): boolean {
  return event.name === goal.event && matchesFilter(goal.filter, event.properties ?? {});
}
