import type { SendStep } from '../plan/plan.types';
import type { Channel } from '../graph/settings.schema';
import type { SimulatedContactState } from './liquid-scope';
import { messageCostVnd } from './message-cost';
import { renderMessage } from './render-message';
import { scriptedOutcome } from './scripted-outcomes';
import type { SimulatedMessage } from './simulation-result.types';
import type { NodeOutcomeScript, PriceTable } from './simulation-input.schema';
import { smsLength } from './sms-segments';

/** The address each channel sends to. */
const ADDRESS: Record<Channel, keyof Pick<SimulatedContactState, 'phone' | 'email' | 'zaloUserId'>> = {
  zns: 'phone',
  sms: 'phone',
  email: 'email',
  oa: 'zaloUserId',
};

/**
 * One send as the runtime would make it, without sending: the do-not-contact list and a missing address block it,
 * a message that does not render is not sent, otherwise the scripted provider outcome decides.
 */
export function simulateSend(input: {
  stepId: string;
  label: string;
  step: SendStep;
  contact: SimulatedContactState;
  scope: object;
  timezone: string;
  outcomes: Record<string, NodeOutcomeScript>;
  prices: PriceTable;
  at: string;
}): SimulatedMessage {
  const { step, contact } = input;
  const { rendered, errors } = renderMessage(step.message, input.scope, input.timezone);
  const sms = rendered.channel === 'sms' ? smsLength(rendered.text) : undefined;
  const blocked = contact.doNotContact
    ? 'do_not_contact'
    : !contact[ADDRESS[step.channel]]
      ? 'no_address'
      : errors.length > 0
        ? 'render_error'
        : undefined;
  const outcome = blocked
    ? { success: false, error: blocked, receipts: ['failed' as const] }
    : scriptedOutcome(input.outcomes, input.stepId, contact.id);
  return {
    stepId: input.stepId,
    label: input.label,
    channel: step.channel,
    purpose: step.purpose,
    rendered,
    renderErrors: errors,
    ...(sms && { sms, segments: sms.segments }),
    outcome: outcome.success ? 'sent' : 'failed',
    ...(outcome.error !== undefined && { error: outcome.error }),
    receipts: outcome.receipts,
    costVnd: messageCostVnd({
      channel: step.channel,
      receipts: outcome.receipts,
      segments: sms?.segments,
      prices: input.prices,
    }),
    at: input.at,
  };
}
