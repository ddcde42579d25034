import type {
  Channel,
  JourneyActivities,
  MessagePurpose as StepPurpose,
  SendActivityInput,
  SendActivityResult,
} from '@loa/engine';
import type { DataSource } from 'typeorm';
import type { ContactsService } from '../../contacts/contacts.service';
import { ProblemException } from '../../http/problem';
import type { MessagePurpose, SendMessageInput } from '../../messages/send-message.types';
import type { SendService } from '../../messages/send.service';
import { campaignHoldingSend } from './campaign-hold';
import { entryEventProperties } from './entry-event';
import type { JourneyCampaigns } from './journey-campaigns';
import { currentContact } from './journey-contact';
import { journeyScope } from './journey-scope';
import { activityFailureOf, activityResultOf } from './send-activity-result';
import { renderContent } from './send-content';
import { isUuid } from './uuid';

export type SendActivities = Pick<JourneyActivities, 'sendZns' | 'sendOa' | 'sendSms' | 'sendEmail'>;

export interface SendActivityDeps {
  sends: Pick<SendService, 'send'>;
  contacts: Pick<ContactsService, 'get'>;
  db: Pick<DataSource, 'query'>;
  campaigns: JourneyCampaigns;
}

/** The send service's purposes: advertising is marketing (guards, caps, windows); care is transactional. */
const PURPOSE: Record<StepPurpose, MessagePurpose> = {
  advertising: 'marketing',
  transactional: 'transactional',
  care: 'transactional',
  otp: 'otp',
};

/**
 * The journey's four send activities: each renders the step's message for the contact as it is now and sends it
 * through the send service under the workflow's idempotency key (ledger, guards, caps; a repeated key answers the
 * recorded outcome without calling the provider again), unless the campaign is paused or stopped already (held:
 * the journey waits for the state's signal). See send-activity-result.ts for the other outcomes.
 */
export function createSendActivities(deps: SendActivityDeps): SendActivities {
  const activity =
    (channel: Channel) =>
    (input: SendActivityInput): Promise<SendActivityResult> =>
      send(deps, channel, input);
  return {
    sendZns: activity('zns'),
    sendOa: activity('oa'),
    sendSms: activity('sms'),
    sendEmail: activity('email'),
  };
}

async function send(
  deps: SendActivityDeps,
  channel: Channel,
  input: SendActivityInput,
): Promise<SendActivityResult> {
  const { journey, step, stepId, idempotencyKey } = input;
  if (step.channel !== channel || step.message.channel !== channel)
    return failed(
      'loa_wrong_channel',
      `A ${step.message.channel} message cannot be sent by the ${channel} activity`,
    );
  if (!isUuid(step.accountId)) return failed('loa_account_not_found', 'The channel account does not exist');
  const holding = await campaignHoldingSend(deps.db, journey, idempotencyKey);
  if (holding) return { status: 'held', campaignState: holding };
  const campaign = await deps.campaigns.versionOf(journey);
  const contact = await currentContact(deps.contacts, journey.workspaceId, journey.contactId);
  const event = await entryEventProperties(deps.db, journey);
  const rendered = renderContent(
    step.message,
    journeyScope({ journey, contact, event, campaign }),
    campaign.settings.timezone,
  );
  if (!rendered.ok) return failed(rendered.errorCode, rendered.errorMessage);
  const { timezone, quietHours, frequencyCaps } = campaign.settings;
  const message: SendMessageInput = {
    workspaceId: journey.workspaceId,
    accountId: step.accountId,
    idempotencyKey,
    purpose: PURPOSE[step.purpose],
    content: rendered.content,
    contactId: contact?.id ?? journey.contactId,
    ...(isUuid(journey.campaignId) && {
      campaign: {
        id: journey.campaignId,
        stepId,
        ...(campaign.version !== undefined && { version: campaign.version }),
      },
    }),
    settings: { timezone, frequencyCaps, ...(quietHours && { quietHours }) },
  };
  try {
    return activityResultOf(await deps.sends.send(message));
  } catch (error) {
    if (error instanceof ProblemException && error.getStatus() === 404)
      return failed('loa_account_not_found', 'The channel account does not exist');
    throw activityFailureOf(error);
  }
}

function failed(errorCode: string, errorMessage: string): SendActivityResult {
  return { status: 'failed', errorCode, errorMessage };
}
