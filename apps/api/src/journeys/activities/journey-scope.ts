import { personalisationScope, type JourneyRef, type PersonalisationContact } from '@loa/engine';
import type { ContactView } from '../../contacts/contact-view';
import { personalisationContactOf } from '../../templates/personalisation-contact';
import type { JourneyCampaignVersion } from './journey-campaigns';

/**
 * What a journey's templates see (the engine's personalisation scope): the contact as it is now, the entry event's
 * properties, and the campaign. A contact that is gone renders as an empty one (its send is then blocked anyway).
 */
export function journeyScope(input: {
  journey: JourneyRef;
  contact: ContactView | undefined;
  event: Record<string, unknown>;
  campaign: JourneyCampaignVersion;
}): object {
  const { journey, campaign } = input;
  const contact: PersonalisationContact = input.contact
    ? personalisationContactOf(input.contact)
    : { id: journey.contactId, attributes: {}, tags: [] };
  return personalisationScope({
    contact,
    event: input.event,
    campaign: {
      id: journey.campaignId,
      name: campaign.name ?? '',
      ...(campaign.version !== undefined && { version: campaign.version }),
    },
  });
}
