import type { JourneyEvent } from './journey-contract';
import type { Plan } from '../plan/plan.types';
import { readPath } from '../rules/read-path';

export const SINGLE_ENTRY_KEY = 'once';

/** DESIGN §6: one workflow per enrollment; entering twice with the same id is a no-op. */
export function journeyWorkflowId(campaignId: string, contactId: string, entryKey: string): string {
  return `journey:${campaignId}:${contactId}:${entryKey}`;
}

/**
 * The entry key of an enrollment: `once` unless re-entry is `always`, then the trigger's entry key property of
 * the entry event (e.g. its orderId), or the event id when the trigger names none.
 */
export function entryKeyOf(plan: Plan, entryEvent: JourneyEvent | undefined): string {
  if (plan.settings.reEntry.mode !== 'always' || !entryEvent) return SINGLE_ENTRY_KEY;
  const property = plan.trigger.type === 'trigger.event' ? plan.trigger.entryKey : undefined;
  const value = property ? readPath(entryEvent.properties, property) : undefined;
  const key = value === undefined || value === null || value === '' ? entryEvent.id : String(value);
  return key.replace(/[^A-Za-z0-9_.:-]/g, '_').slice(0, 128);
}

/**
 * Whether a closed journey with the same id may run again: never for `never`, yes for `after_exit` and `always`
 * (a running one is never started twice).
 */
export function mayReenterAfterExit(plan: Plan): boolean {
  return plan.settings.reEntry.mode !== 'never';
}

/**
 * The idempotency key of a step's side effect (send, contact update, HTTP call): `{workflowId}:{stepId}:{visit}`,
 * with the journey's first run id after the workflow id when given. The run id tells apart two enrollments that
 * share a workflow id (re-entry after exit), which must not share ledger rows; it survives retries, replays and
 * continue-as-new, so one enrollment keeps one key per step visit.
 */
export function sendIdempotencyKey(
  workflowId: string,
  stepId: string,
  visit: number,
  enrollmentRunId?: string,
): string {
  return enrollmentRunId === undefined
    ? `${workflowId}:${stepId}:${visit}`
    : `${workflowId}:${enrollmentRunId}:${stepId}:${visit}`;
}
