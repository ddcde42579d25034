import { Inject, Injectable } from '@nestjs/common';
import type { JourneyRef } from '@loa/engine';
import { DataSource } from 'typeorm';
import { ContactsService } from '../contacts/contacts.service';
import { entryEventProperties } from './activities/entry-event';
import { JOURNEY_CAMPAIGNS, type JourneyCampaigns } from './activities/journey-campaigns';
import { currentContact } from './activities/journey-contact';
import { journeyScope } from './activities/journey-scope';

/** `contactId`: the contact the scope is of, the journey's own or the one it was merged into since. */
export type JourneyScope = { scope: object; timezone: string; contactId: string } | { missing: 'contact' };

/**
 * What a journey's Liquid texts see at run time (the same scope as its sends): the contact as it is now, the entry
 * event's properties and the campaign, in the campaign's timezone.
 */
@Injectable()
export class JourneyScopes {
  constructor(
    private readonly db: DataSource,
    private readonly contacts: ContactsService,
    @Inject(JOURNEY_CAMPAIGNS) private readonly campaigns: JourneyCampaigns,
  ) {}

  async of(journey: JourneyRef): Promise<JourneyScope> {
    const contact = await currentContact(this.contacts, journey.workspaceId, journey.contactId);
    if (!contact) return { missing: 'contact' };
    const [campaign, event] = await Promise.all([
      this.campaigns.versionOf(journey),
      entryEventProperties(this.db, journey),
    ]);
    return {
      scope: journeyScope({ journey, contact, event, campaign }),
      timezone: campaign.settings.timezone,
      contactId: contact.id,
    };
  }
}
