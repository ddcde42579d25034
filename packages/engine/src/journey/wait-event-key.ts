import type { Plan, WaitEventStep } from '../plan/plan.types';
import { readPath } from '../rules/read-path';

/**
 * The value an awaited event must carry at a wait.event's `matchEntryKey` (DESIGN §3: a key match against the entry
 * event): the entry event's property named by the trigger's entry key (e.g. its orderId), else its property of the
 * wait's own key name. Undefined when the journey has no entry event or it lacks the property: nothing matches then.
 */
export function awaitedEntryKeyValue(input: {
  plan: Plan;
  step: WaitEventStep;
  entryProperties: Record<string, unknown> | undefined;
}): unknown {
  const { plan, step, entryProperties } = input;
  if (step.matchEntryKey === undefined || entryProperties === undefined) return undefined;
  const property = (plan.trigger.type === 'trigger.event' && plan.trigger.entryKey) || step.matchEntryKey;
  return readPath(entryProperties, property);
}

/** Whether an event's properties carry the awaited entry key value (always, when the wait matches no key). */
export function carriesEntryKey(
  step: WaitEventStep,
  properties: Record<string, unknown>,
  expected: unknown,
): boolean {
  if (step.matchEntryKey === undefined) return true;
  if (!isKeyValue(expected)) return false;
  const value = readPath(properties, step.matchEntryKey);
  return isKeyValue(value) && String(value) === String(expected);
}

const isKeyValue = (value: unknown): value is string | number | boolean =>
  (typeof value === 'string' && value !== '') || typeof value === 'number' || typeof value === 'boolean';
