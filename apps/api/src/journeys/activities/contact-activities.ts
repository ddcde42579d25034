import { evaluateRuleGroup, type JourneyActivities } from '@loa/engine';
import type { DataSource } from 'typeorm';
import type { ContactsService } from '../../contacts/contacts.service';
import { loadConditionFacts } from './condition-facts';
import { contactNotFound } from './contact-activity-errors';
import { readContactFields } from './contact-fields';
import { applyContactUpdate } from './contact-update';
import { entryEventProperties } from './entry-event';
import type { JourneyCampaigns } from './journey-campaigns';
import { currentContact } from './journey-contact';
import { journeyScope } from './journey-scope';

export type ContactActivities = Pick<
  JourneyActivities,
  'evaluateCondition' | 'readContactAttributes' | 'updateContact'
>;

export interface ContactActivityDeps {
  db: DataSource;
  contacts: Pick<ContactsService, 'get' | 'patch'>;
  campaigns: JourneyCampaigns;
  /** The moment conditions are evaluated at (relative dates, event windows); tests fix it. */
  now?: () => number;
}

/**
 * The journey's contact data activities, on the contact as it is now (or the contact it was merged into). A contact
 * that is gone is a non-retryable `LoaContactNotFoundError`.
 */
export function createContactActivities(deps: ContactActivityDeps): ContactActivities {
  const now = deps.now ?? Date.now;
  const contactOf = async (workspaceId: string, contactId: string) => {
    const contact = await currentContact(deps.contacts, workspaceId, contactId);
    if (!contact) throw contactNotFound(contactId);
    return contact;
  };
  return {
    async evaluateCondition({ journey, rule }) {
      const contact = await contactOf(journey.workspaceId, journey.contactId);
      const campaign = await deps.campaigns.versionOf(journey);
      const facts = await loadConditionFacts(deps.db, {
        workspaceId: journey.workspaceId,
        journeyContactId: journey.contactId,
        workflowId: journey.workflowId,
        enrollmentId: journey.enrollmentId,
        contact,
        rule,
        nowMs: now(),
        timezone: campaign.settings.timezone,
      });
      return evaluateRuleGroup(rule, facts);
    },

    async readContactAttributes({ journey, fields }) {
      return readContactFields(await contactOf(journey.workspaceId, journey.contactId), fields);
    },

    async updateContact({ journey, idempotencyKey, step }) {
      const contact = await contactOf(journey.workspaceId, journey.contactId);
      const campaign = await deps.campaigns.versionOf(journey);
      const event = await entryEventProperties(deps.db, journey);
      await applyContactUpdate(deps.db, deps.contacts, {
        journey,
        contactId: contact.id,
        idempotencyKey,
        step,
        scope: journeyScope({ journey, contact, event, campaign }),
        timezone: campaign.settings.timezone,
      });
    },
  };
}
