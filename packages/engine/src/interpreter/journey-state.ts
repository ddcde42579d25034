import type {
  HttpStep,
  SendStep,
  StepId,
  UpdateContactStep,
  WaitEventStep,
  WaitUntilSpec,
} from '../plan/plan.types';
import type { RuleGroup } from '../graph/nodes/branch-nodes.schema';

/** A journey never takes more steps than this (DESIGN §6): a safety net against loops. */
export const MAX_STEPS_PER_ENROLLMENT = 1000;

/** Where a journey stands in its plan. Plain data: it travels through continue-as-new. */
export interface JourneyCursor {
  /** The step being executed; null before entry and after exit. */
  stepId: StepId | null;
  /** How many times each step has been entered; the visit is part of a send's idempotency key. */
  visits: Record<StepId, number>;
  stepsTaken: number;
}

export const initialCursor = (): JourneyCursor => ({ stepId: null, visits: {}, stepsTaken: 0 });

/** The result of the action the interpreter asked for last. */
export type StepOutcome =
  /** `at`: enter at this step instead of the plan's entry step (a re-run of a failed send step). */
  | { kind: 'entered'; at?: StepId }
  | { kind: 'elapsed' }
  | { kind: 'event'; matched: boolean }
  | { kind: 'condition'; result: boolean }
  | { kind: 'send'; success: boolean }
  | { kind: 'contact_updated' }
  | { kind: 'http'; success: boolean };

interface ActionAt {
  stepId: StepId;
  visit: number;
}

/** What the driver (the contactJourney workflow, the simulator) must do next. */
export type JourneyAction =
  | (ActionAt & { kind: 'delay'; durationMs: number })
  | (ActionAt & { kind: 'wait_until'; until: WaitUntilSpec })
  | (ActionAt & { kind: 'wait_event'; step: WaitEventStep })
  | (ActionAt & { kind: 'condition'; rule: RuleGroup })
  | (ActionAt & { kind: 'send'; step: SendStep })
  | (ActionAt & { kind: 'update_contact'; step: UpdateContactStep })
  | (ActionAt & { kind: 'http'; step: HttpStep })
  | { kind: 'exit'; stepId: StepId | null; reason: string };

/** A step the interpreter went through without the driver (a split, an exit), for the journey's path. */
export interface PassedStep {
  stepId: StepId;
  outcome: string;
}

export interface Transition {
  cursor: JourneyCursor;
  action: JourneyAction;
  passed: PassedStep[];
}
