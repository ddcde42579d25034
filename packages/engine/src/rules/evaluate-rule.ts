import type { Rule, RuleGroup, SendOutcome } from '../graph/nodes/branch-nodes.schema';
import { compare } from './compare';

/** What a condition needs to know about a contact; the worker loads it fresh, the simulator takes samples. */
export interface ConditionFacts {
  contact: { attributes: Record<string, unknown>; tags: string[] };
  /** Whether the contact produced a matching event within the rule's window. */
  eventSeen: (rule: Extract<Rule, { kind: 'event_seen' }>) => boolean;
  /** Outcomes recorded so far for the send steps of this journey, by node id. */
  sendOutcomes: Record<string, SendOutcome[]>;
}

export function evaluateRuleGroup(group: RuleGroup, facts: ConditionFacts): boolean {
  const test = (rule: Rule | RuleGroup) =>
    'match' in rule ? evaluateRuleGroup(rule, facts) : evaluateRule(rule, facts);
  return group.match === 'any' ? group.rules.some(test) : group.rules.every(test);
}

export function evaluateRule(rule: Rule, facts: ConditionFacts): boolean {
  switch (rule.kind) {
    case 'attribute':
      return compare(rule, facts.contact.attributes);
    case 'tag':
      return facts.contact.tags.includes(rule.tag) === rule.has;
    case 'event_seen':
      return facts.eventSeen(rule);
    case 'send_outcome':
      return (facts.sendOutcomes[rule.nodeId] ?? []).includes(rule.outcome);
  }
}

/** Every event_seen rule of a condition, so a loader can fetch exactly what the condition needs. */
export function eventRulesOf(group: RuleGroup): Array<Extract<Rule, { kind: 'event_seen' }>> {
  return group.rules.flatMap((rule) =>
    'match' in rule ? eventRulesOf(rule) : rule.kind === 'event_seen' ? [rule] : [],
  );
}
