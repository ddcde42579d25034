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
import type { MessagePurpose, SendMessageInput, SendResult } from '../../messages/send-message.types';
import type { SendService } from '../../messages/send.service';
import { campaignHoldingSend, campaignState } from './campaign-hold';
import { entryEventProperties } from './entry-event';
import type { JourneyCampaigns } from './journey-campaigns';
import { currentContact } from './journey-contact';
import { journeyScope } from './journey-scope';
import { activityFailureOf, activityResultOf } from './send-activity-result';
import { renderContent } from './send-content';
import { settledPool } from '../../messages/settled-pool';
import { isUuid } from './uuid';

export type SendActivities = Pick<JourneyActivities, 'sendZns' | 'sendOa' | 'sendSms' | 'sendEmail'>;

export interface SendActivityDeps {
  sends: Pick<SendService, 'send' | 'sendMany'>;
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
  const invalid = invalidInput(channel, input);
  if (invalid) return invalid;
  const { journey, idempotencyKey } = input;
  const holding = await campaignHoldingSend(deps.db, journey, idempotencyKey);
  if (holding) return { status: 'held', campaignState: holding };
  const campaign = await deps.campaigns.versionOf(journey);
  const contact = await currentContact(deps.contacts, journey.workspaceId, journey.contactId);
  const event = await entryEventProperties(deps.db, journey);
  return sendRendered(deps, input, { campaign, contact, event });
}

/**
 * The send activity for a whole batch of sends of one step (a cohort's): the campaign's state and version and the
 * contacts are read once for the batch, then each message is rendered and the send service sends them all
 * (`concurrency` at a time, the ledger rows of concurrent sends written in bulk, eSMS advertising in provider
 * batches). Each send gets its own outcome. A
 * batch it cannot serve this way (a campaign that is not active, sends entered by events, several campaign
 * versions) throws before sending anything, and its sends then go one by one through the per-contact activity.
 */
export function createSendBatches(
  deps: SendActivityDeps & { contacts: Pick<ContactsService, 'get' | 'getMany'> },
  concurrency: number,
): Record<
  keyof SendActivities,
  (inputs: SendActivityInput[]) => Promise<PromiseSettledResult<SendActivityResult>[]>
> {
  const batch = (channel: Channel) => (inputs: SendActivityInput[]) =>
    sendMany(deps, channel, inputs, concurrency);
  return { sendZns: batch('zns'), sendOa: batch('oa'), sendSms: batch('sms'), sendEmail: batch('email') };
}

async function sendMany(
  deps: SendActivityDeps & { contacts: Pick<ContactsService, 'get' | 'getMany'> },
  channel: Channel,
  inputs: SendActivityInput[],
  concurrency: number,
): Promise<PromiseSettledResult<SendActivityResult>[]> {
  const [first] = inputs;
  if (!first) return [];
  const { workspaceId, versionId } = first.journey;
  if (
    inputs.some((input) => input.journey.entryEventId !== undefined || input.journey.versionId !== versionId)
  )
    throw new Error('A batch of sends entered by events or of several versions goes one by one');
  if ((await campaignState(deps.db, first.journey)) !== 'active')
    throw new Error('A campaign that is not active holds its sends one by one');
  const campaign = await deps.campaigns.versionOf(first.journey);
  const contacts = await deps.contacts.getMany(
    workspaceId,
    inputs.map((input) => input.journey.contactId).filter(isUuid),
  );
  // Each message is rendered for its contact as alone; then the send service takes them all.
  const prepared = await settledPool(inputs, concurrency, async (input) => {
    const invalid = invalidInput(channel, input);
    if (invalid) return invalid;
    const { contactId } = input.journey;
    // Not live now: erased (no contact) or merged (its survivor), as the per-contact activity finds it.
    const contact = contacts.get(contactId) ?? (await currentContact(deps.contacts, workspaceId, contactId));
    return messageFor(input, { campaign, contact, event: {} });
  });
  const isMessage = (
    item: PromiseSettledResult<SendMessageInput | SendActivityResult>,
  ): item is PromiseFulfilledResult<SendMessageInput> =>
    item.status === 'fulfilled' && 'idempotencyKey' in item.value;
  const messages = prepared.filter(isMessage).map((item) => item.value);
  const sent = (await deps.sends.sendMany(messages, concurrency)).values();
  return prepared.map((item): PromiseSettledResult<SendActivityResult> => {
    // A contact that could not be read fails its own send only; Temporal's policy retries it.
    if (item.status === 'rejected') return { status: 'rejected', reason: activityFailureOf(item.reason) };
    if (!isMessage(item)) return item as PromiseFulfilledResult<SendActivityResult>;
    const result = sent.next().value as PromiseSettledResult<SendResult>;
    if (result.status === 'fulfilled') return { status: 'fulfilled', value: activityResultOf(result.value) };
    try {
      return { status: 'fulfilled', value: sendFailureOf(result.reason) };
    } catch (reason) {
      return { status: 'rejected', reason };
    }
  });
}

function invalidInput(channel: Channel, input: SendActivityInput): SendActivityResult | undefined {
  const { step } = input;
  if (step.channel !== channel || step.message.channel !== channel)
    return failed(
      'loa_wrong_channel',
      `A ${step.message.channel} message cannot be sent by the ${channel} activity`,
    );
  if (!isUuid(step.accountId)) return failed('loa_account_not_found', 'The channel account does not exist');
  return undefined;
}

type SendContext = {
  campaign: Awaited<ReturnType<JourneyCampaigns['versionOf']>>;
  contact: Awaited<ReturnType<typeof currentContact>>;
  event: Record<string, unknown>;
};

/** Renders the step's message for the contact and sends it under the step's idempotency key. */
async function sendRendered(
  deps: SendActivityDeps,
  input: SendActivityInput,
  context: SendContext,
): Promise<SendActivityResult> {
  const message = messageFor(input, context);
  if (!('idempotencyKey' in message)) return message;
  try {
    return activityResultOf(await deps.sends.send(message));
  } catch (error) {
    return sendFailureOf(error);
  }
}

/** The step's message rendered for the contact, as the send service takes it; or why it cannot be sent. */
function messageFor(input: SendActivityInput, context: SendContext): SendMessageInput | SendActivityResult {
  const { journey, step, stepId, idempotencyKey } = input;
  const { campaign, contact, event } = context;
  const rendered = renderContent(
    step.message,
    journeyScope({ journey, contact, event, campaign }),
    campaign.settings.timezone,
  );
  if (!rendered.ok) return failed(rendered.errorCode, rendered.errorMessage);
  const { timezone, quietHours, frequencyCaps } = campaign.settings;
  return {
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
}

/** A send that threw: an unknown account is a failed send; anything else fails the activity (Temporal retries). */
function sendFailureOf(error: unknown): SendActivityResult {
  if (error instanceof ProblemException && error.getStatus() === 404)
    return failed('loa_account_not_found', 'The channel account does not exist');
  throw activityFailureOf(error);
}

function failed(errorCode: string, errorMessage: string): SendActivityResult {
  return { status: 'failed', errorCode, errorMessage };
}
