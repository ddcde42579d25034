import type {
  ConditionContact,
  ConditionFacts,
  ContactChannel,
  ConsentState,
  Rule,
  RuleGroup,
} from '@loa/engine';
import type { DataSource } from 'typeorm';
import type { ContactView } from '../../contacts/contact-view';
import { personalisationContactOf } from '../../templates/personalisation-contact';
import { countEvents } from './event-counts';
import { journeySendOutcomes } from './journey-send-outcomes';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The facts the engine's `evaluateRuleGroup` needs for one condition, loaded fresh: the contact (attributes with
 * its name, external id and score as templates see them, tags, identifiers, consents, do-not-contact, whether a
 * Zalo identity follows an OA), its segments, its events, and this journey's send outcomes. Only what the
 * condition's rules read is queried.
 */
export async function loadConditionFacts(
  db: Pick<DataSource, 'query'>,
  input: {
    workspaceId: string;
    /** The contact the journey entered with (its ledger rows until a merge). */
    journeyContactId: string;
    workflowId: string;
    /** The journey's first run id (the ledger keys carry it). */
    enrollmentId: string;
    contact: ContactView;
    rule: RuleGroup;
    nowMs: number;
    timezone: string;
  },
): Promise<ConditionFacts> {
  const { contact, rule, nowMs } = input;
  const kinds = ruleKinds(rule);
  const counts = kinds.has('event_seen')
    ? await countEvents(db, { workspaceId: input.workspaceId, contactId: contact.id, rule, nowMs })
    : new Map();
  const sendOutcomes = kinds.has('send_outcome')
    ? await journeySendOutcomes(db, {
        workspaceId: input.workspaceId,
        contactIds: [...new Set([input.journeyContactId, contact.id])].filter((id) => UUID.test(id)),
        workflowId: input.workflowId,
        enrollmentId: input.enrollmentId,
      })
    : {};
  const segmentIds = kinds.has('segment') ? await segmentsOf(db, contact.id) : [];
  const count = (eventRule: Parameters<NonNullable<ConditionFacts['eventCount']>>[0]) =>
    counts.get(eventRule) ?? 0;
  return {
    contact: conditionContact(contact, segmentIds),
    eventSeen: (eventRule) => count(eventRule) > 0,
    eventCount: count,
    sendOutcomes,
    nowMs,
    timezone: input.timezone,
  };
}

export function conditionContact(contact: ContactView, segmentIds: string[]): ConditionContact {
  const consents: Partial<Record<ContactChannel, ConsentState>> = {};
  for (const [channel, consent] of Object.entries(contact.consents))
    if (consent) consents[channel as ContactChannel] = consent.state;
  return {
    attributes: personalisationContactOf(contact).attributes,
    tags: contact.tags,
    phone: contact.phone,
    email: contact.email,
    doNotContact: contact.doNotContact,
    consents,
    zaloFollower: contact.identities.some((identity) => identity.follower),
    segmentIds,
  };
}

async function segmentsOf(db: Pick<DataSource, 'query'>, contactId: string): Promise<string[]> {
  const rows = (await db.query(`SELECT segment_id FROM segment_memberships WHERE contact_id = $1`, [
    contactId,
  ])) as Array<{ segment_id: string }>;
  return rows.map((row) => row.segment_id);
}

function ruleKinds(group: RuleGroup, kinds = new Set<Rule['kind']>()): Set<Rule['kind']> {
  for (const rule of group.rules) {
    if ('match' in rule) ruleKinds(rule, kinds);
    else kinds.add(rule.kind);
  }
  return kinds;
}
