import type {
  ConsentState,
  ContactChannel,
  Rule,
  RuleGroup,
  SendOutcome,
} from '../graph/nodes/branch-nodes.schema';
import { isRelativeDateOperator } from '../graph/nodes/branch-nodes.schema';
import { compare } from './compare';
import { readPath } from './read-path';
import { compareRelativeDate } from './relative-date';

type EventSeenRule = Extract<Rule, { kind: 'event_seen' }>;

/** The contact data rules read; fields a caller does not know are absent (no consent record reads `unknown`). */
export interface ConditionContact {
  attributes: Record<string, unknown>;
  tags: string[];
  phone?: string | null;
  email?: string | null;
  doNotContact?: boolean;
  consents?: Partial<Record<ContactChannel, ConsentState>>;
  /** Has a Zalo identity that follows the OA. */
  zaloFollower?: boolean;
  /** Ids of the segments the contact is a member of. */
  segmentIds?: readonly string[];
}

/** What a condition needs to know about a contact; the worker loads it fresh, the simulator takes samples. */
export interface ConditionFacts {
  contact: ConditionContact;
  /** Whether the contact produced a matching event within the rule's window. */
  eventSeen: (rule: EventSeenRule) => boolean;
  /** How many matching events the contact produced within the rule's window (needed for minCount / maxCount). */
  eventCount?: (rule: EventSeenRule) => number;
  /** Outcomes recorded so far for the send steps of this journey, by node id. */
  sendOutcomes: Record<string, SendOutcome[]>;
  /** The moment of evaluation (relative dates); now when absent. */
  nowMs?: number;
  /** The workspace timezone, in which date attributes are calendar days; Asia/Ho_Chi_Minh when absent. */
  timezone?: string;
}

export const DEFAULT_RULE_TIMEZONE = 'Asia/Ho_Chi_Minh';

export function evaluateRuleGroup(group: RuleGroup, facts: ConditionFacts): boolean {
  const test = (rule: Rule | RuleGroup) =>
    'match' in rule ? evaluateRuleGroup(rule, facts) : evaluateRule(rule, facts);
  return group.match === 'any' ? group.rules.some(test) : group.rules.every(test);
}

export function evaluateRule(rule: Rule, facts: ConditionFacts): boolean {
  const { contact } = facts;
  switch (rule.kind) {
    case 'attribute': {
      const { operator, period } = rule;
      if (!isRelativeDateOperator(operator)) return compare({ ...rule, operator }, contact.attributes);
      if (period === undefined) return false;
      return compareRelativeDate({
        operator,
        period,
        actual: readPath(contact.attributes, rule.field),
        nowMs: facts.nowMs ?? Date.now(),
        timezone: facts.timezone ?? DEFAULT_RULE_TIMEZONE,
      });
    }
    case 'tag':
      return contact.tags.includes(rule.tag) === rule.has;
    case 'event_seen':
      return eventCountMatches(rule, facts);
    case 'send_outcome':
      return (facts.sendOutcomes[rule.nodeId] ?? []).includes(rule.outcome);
    case 'consent':
      return consentOf(contact, rule.channel) === rule.state;
    case 'reachable':
      return reachable(contact, rule.channel) === rule.reachable;
    case 'segment':
      return (contact.segmentIds ?? []).includes(rule.segmentId) === rule.member;
  }
}

function eventCountMatches(rule: EventSeenRule, facts: ConditionFacts): boolean {
  const [min, max] = [rule.minCount ?? 1, rule.maxCount];
  if (facts.eventCount === undefined) {
    if (min === 1 && max === undefined) return facts.eventSeen(rule);
    throw new Error(`Counting "${rule.event}" events needs the eventCount fact`);
  }
  const count = facts.eventCount(rule);
  return count >= min && (max === undefined || count <= max);
}

export function consentOf(contact: ConditionContact, channel: ContactChannel): ConsentState {
  return contact.consents?.[channel] ?? 'unknown';
}

/** Has the channel's identifier, consent not denied, not on do-not-contact. */
export function reachable(contact: ConditionContact, channel: ContactChannel): boolean {
  if (contact.doNotContact === true || consentOf(contact, channel) === 'denied') return false;
  switch (channel) {
    case 'zns':
    case 'sms':
      return present(contact.phone);
    case 'email':
      return present(contact.email);
    case 'oa':
      return contact.zaloFollower === true;
  }
}

function present(value: string | null | undefined): boolean {
  return value !== undefined && value !== null && value !== '';
}

/** Every event_seen rule of a condition, so a loader can fetch exactly what the condition needs. */
export function eventRulesOf(group: RuleGroup): EventSeenRule[] {
  return group.rules.flatMap((rule) =>
    'match' in rule ? eventRulesOf(rule) : rule.kind === 'event_seen' ? [rule] : [],
  );
}
