import type { SendStep } from '../plan/plan.types';
import type { Channel } from '../graph/settings.schema';
import type { SimulatedContactState } from './liquid-scope';
import { messageCostVnd } from './message-cost';
import { renderMessage } from './render-message';
import { scriptedOutcome } from './scripted-outcomes';
import type { SimulatedMessage } from './simulation-result.types';
import type { NodeOutcomeScript, PriceTable } from './simulation-input.schema';
import { prepareSmsText, type SmsPurpose } from '@loa/sms-text';
import { STEP_OUTCOMES, type SendBlockReason } from '../journey/journey-vocabulary';

/** The address each channel sends to. */
const ADDRESS: Record<Channel, keyof Pick<SimulatedContactState, 'phone' | 'email' | 'zaloUserId'>> = {
  zns: 'phone',
  sms: 'phone',
  email: 'email',
  oa: 'zaloUserId',
};

/**
 * One send, without sending: the do-not-contact list and a missing address block it (outcome `blocked`, as the
 * send activity answers), a message that does not render fails, otherwise the scripted provider outcome decides.
 * Consent and frequency caps are the send service's; the simulator does not apply them.
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
  const rendering = renderMessage(step.message, input.scope, input.timezone);
  const { errors } = rendering;
  // The text as the gateway will send it (NFC, the [QC] label on advertising), so segments and cost are honest.
  const prepared =
    rendering.rendered.channel === 'sms'
      ? prepareSmsText({ text: rendering.rendered.text, purpose: smsPurpose(step.purpose) })
      : undefined;
  const rendered =
    prepared && rendering.rendered.channel === 'sms'
      ? { ...rendering.rendered, text: prepared.text }
      : rendering.rendered;
  const sms = prepared && {
    encoding: prepared.encoding,
    characters: prepared.characters,
    segments: prepared.segments,
  };
  const blocked: SendBlockReason | undefined = contact.doNotContact
    ? 'do_not_contact'
    : !contact[ADDRESS[step.channel]]
      ? 'no_address'
      : undefined;
  const notSent = blocked ?? (errors.length > 0 ? 'render_error' : undefined);
  const outcome = notSent
    ? { success: false, error: notSent, receipts: ['failed' as const] }
    : scriptedOutcome(input.outcomes, input.stepId, contact.id);
  return {
    stepId: input.stepId,
    label: input.label,
    channel: step.channel,
    purpose: step.purpose,
    rendered,
    renderErrors: errors,
    ...(sms && { sms, segments: sms.segments }),
    outcome: outcome.success ? STEP_OUTCOMES.sent : blocked ? STEP_OUTCOMES.blocked : STEP_OUTCOMES.failed,
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

function smsPurpose(purpose: SendStep['purpose']): SmsPurpose {
  return purpose === 'advertising' || purpose === 'otp' ? purpose : 'care';
}
