import type { Channel } from '../graph/settings.schema';
import type { SendOutcome } from '../graph/nodes/branch-nodes.schema';
import type { Diagnostic } from '../validation/diagnostics';
import type { TimeDeferralReason } from '../journey/journey-vocabulary';
import type { RenderedMessage } from './render-message';
import type { SmsLength } from '@loa/sms-text';

/** One step of a contact's path; times are ISO in the campaign timezone. */
export interface SimulatedStep {
  stepId: string;
  /** The node's label, or its type's title when it has none. */
  label: string;
  /** The node type (send.zns, wait.delay …); `exit` for the plan's synthetic exits. */
  kind: string;
  /**
   * The journey's outcome vocabulary (STEP_OUTCOMES, `variant:<id>`, `exit:<reason>`); `waiting` when the clock
   * stopped during the step. The campaign goal ends the step it interrupts with `exit:goal`.
   */
  outcome: string;
  /** When the contact reached the step. */
  at: string;
  /** When a step that takes time (a wait, a deferred send) ended. */
  endedAt?: string;
  /** A send held by the send-time guards: their reasons, in order (the journey logs a `deferred` entry for each). */
  deferredBy?: TimeDeferralReason[];
  detail?: string;
}

export interface SimulatedMessage {
  stepId: string;
  label: string;
  channel: Channel;
  purpose: string;
  rendered: RenderedMessage;
  /** Liquid errors, per field; a message that does not render is not sent. */
  renderErrors: Array<{ field: string; message: string }>;
  /** SMS only: encoding, characters and segments of the rendered text. */
  sms?: SmsLength;
  segments?: number;
  outcome: 'sent' | 'failed' | 'blocked';
  /** Why it failed (the scripted provider code, render_error) or was blocked (no_address, do_not_contact). */
  error?: string;
  /** Receipts recorded for the send (send_outcome rules read them). */
  receipts: SendOutcome[];
  costVnd: number;
  /** When it was sent (after any quiet-hours or Decree 91 deferral). */
  at: string;
}

export interface SimulatedContact {
  contactId: string;
  entered: boolean;
  /** Why a contact did not enter (wrong entry event, no birthday, not in the audience …). */
  notEnteredReason?: string;
  enteredAt?: string;
  /** null while the contact is still waiting when the clock stops (`until`), or when it never entered. */
  exitReason: string | null;
  exitedAt?: string;
  /** Reached the campaign goal within its window, while in the journey (before its exit or the clock stop). */
  converted: boolean;
  convertedAt?: string;
  path: SimulatedStep[];
  messages: SimulatedMessage[];
  costVnd: number;
}

export interface NodeCount {
  entered: number;
  succeeded: number;
  failed: number;
  /** Contacts still at the node when the clock stopped. */
  waiting?: number;
}

export interface SimulationTotals {
  entered: number;
  notEntered: number;
  converted: number;
  waiting: number;
  exited: Record<string, number>;
  messages: number;
  costVnd: number;
}

export interface SimulationResult {
  /** True when the graph compiled and the input was well formed. */
  ok: boolean;
  diagnostics: Diagnostic[];
  /** Problems with contacts, events, outcomes or times, each with its path in the input. */
  inputErrors: Array<{ path: string; message: string }>;
  planHash?: string;
  startAt?: string;
  contacts: SimulatedContact[];
  nodeCounts: Record<string, NodeCount>;
  totals: SimulationTotals;
}
