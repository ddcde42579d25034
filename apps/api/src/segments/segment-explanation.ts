import { isRelativeDateOperator, type Rule, type RuleGroup } from '@loa/engine';
import type { ExplainedRule } from './segments.schemas';

/** What SQL saw for one leaf rule: whether it held and the value it looked at. */
export interface LeafOutcome {
  passed: boolean;
  observed: unknown;
}

/**
 * The explanation tree of a rule from the outcome of each leaf, in `leafRules` order; a group passes by its
 * match (all / any) of its children, exactly as the compiled WHERE clause combines them.
 */
export function explainTree(group: RuleGroup, outcomes: readonly LeafOutcome[]): ExplainedRule {
  let next = 0;
  const visit = (node: RuleGroup, path: string): ExplainedRule => {
    const rules = node.rules.map((child, index): ExplainedRule => {
      const at = `${path}rules.${index}`;
      if ('match' in child) return visit(child, `${at}.`);
      const outcome = outcomes[next++] as LeafOutcome;
      return {
        path: at,
        passed: outcome.passed,
        explanation: describeLeaf(child, outcome),
        rule: child,
        observed: outcome.observed,
      };
    });
    const passed =
      node.match === 'all' ? rules.every((rule) => rule.passed) : rules.some((rule) => rule.passed);
    const held = rules.filter((rule) => rule.passed).length;
    return {
      path: path === '' ? 'rule' : path.slice(0, -1),
      passed,
      match: node.match,
      explanation: `${held} of ${rules.length} rules hold; needs ${node.match === 'all' ? 'all' : 'at least one'}`,
      rules,
    };
  };
  return visit(group, '');
}

function describeLeaf(rule: Rule, { observed }: LeafOutcome): string {
  switch (rule.kind) {
    case 'attribute': {
      const seen = observed === null || observed === undefined ? 'is missing' : `is ${show(observed)}`;
      const needs =
        isRelativeDateOperator(rule.operator) && rule.period
          ? `${rule.operator} ${rule.period.amount} ${rule.period.unit}`
          : rule.value === undefined
            ? rule.operator
            : `${rule.operator} ${show(rule.value)}`;
      return `attributes.${rule.field} ${seen}; needs ${needs}`;
    }
    case 'tag':
      return `tag “${rule.tag}” ${observed === true ? 'present' : 'absent'}; needs ${rule.has ? 'present' : 'absent'}`;
    case 'event_seen': {
      const count = Number(observed);
      const [min, max] = [rule.minCount ?? 1, rule.maxCount];
      const needs =
        max === undefined
          ? `≥ ${min}`
          : min === max
            ? `exactly ${min}`
            : min === 0
              ? `≤ ${max}`
              : `${min}–${max}`;
      const filtered = rule.filter && rule.filter.conditions.length > 0 ? ' (matching the filter)' : '';
      return `${rule.event}${filtered} seen ${count} ${count === 1 ? 'time' : 'times'} in ${rule.withinDays} days, needs ${needs}`;
    }
    case 'consent':
      return `${rule.channel} consent is ${String(observed)}; needs ${rule.state}`;
    case 'reachable': {
      const facts = (observed ?? {}) as { identifier?: boolean; consent?: string; doNotContact?: boolean };
      const identifier = { zns: 'phone', sms: 'phone', email: 'e-mail', oa: 'Zalo follower' }[rule.channel];
      return (
        `${rule.channel}: ${identifier} ${facts.identifier ? 'present' : 'missing'}, consent ${facts.consent}, ` +
        `${facts.doNotContact ? 'on' : 'not on'} do-not-contact; needs ${rule.reachable ? 'reachable' : 'unreachable'}`
      );
    }
    case 'segment':
      return `${observed === true ? 'member' : 'not a member'} of segment ${rule.segmentId}; needs ${rule.member ? 'member' : 'not a member'}`;
    case 'send_outcome':
      return 'send_outcome has no meaning for a segment';
  }
}

function show(value: unknown): string {
  return JSON.stringify(value);
}
