import { isRelativeDateOperator, type Rule } from '@loa/engine/browser';

/** i18next's t with the segments namespace as default (other namespaces by `ns:` prefix). */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

const IDENTIFIER: Record<'zns' | 'sms' | 'email' | 'oa', string> = {
  zns: 'phone',
  sms: 'phone',
  email: 'email',
  oa: 'follower',
};

/**
 * What one condition saw for a contact and what it needs, in the reader's language, from the explain endpoint's
 * rule and observed value: `city is "Đà Nẵng"; needs equals "Hà Nội"`. `segmentName` names a referred segment.
 */
export function explainLeaf(
  rule: Rule,
  observed: unknown,
  t: Translate,
  segmentName: (id: string) => string | undefined = () => undefined,
): string {
  const { seen, needed } = phrases(rule, observed, t, segmentName);
  return t('explain.leaf.needs', { seen, needed });
}

function phrases(
  rule: Rule,
  observed: unknown,
  t: Translate,
  segmentName: (id: string) => string | undefined,
): { seen: string; needed: string } {
  switch (rule.kind) {
    case 'attribute': {
      const seen =
        observed === null || observed === undefined
          ? t('explain.leaf.missing', { field: rule.field })
          : t('explain.leaf.is', { field: rule.field, value: show(observed) });
      const operator = t(`config:rules.operators.${rule.operator}`);
      const needed =
        isRelativeDateOperator(rule.operator) && rule.period
          ? `${operator} ${rule.period.amount} ${t(`config:options.${rule.period.unit}`)}`
          : rule.value === undefined
            ? operator
            : `${operator} ${show(rule.value)}`;
      return { seen, needed };
    }
    case 'tag':
      return {
        seen: t('explain.leaf.tag', {
          tag: rule.tag,
          state: t(observed === true ? 'explain.leaf.present' : 'explain.leaf.absent'),
        }),
        needed: t(rule.has === false ? 'explain.leaf.absent' : 'explain.leaf.present'),
      };
    case 'event_seen': {
      const min = rule.minCount ?? 1;
      const max = rule.maxCount;
      const needed =
        max === undefined ? `≥ ${min}` : min === max ? `= ${min}` : min === 0 ? `≤ ${max}` : `${min}–${max}`;
      const filtered = rule.filter && rule.filter.conditions.length > 0;
      return {
        seen: t(filtered ? 'explain.leaf.eventFiltered' : 'explain.leaf.event', {
          event: rule.event,
          count: Number(observed ?? 0),
          days: rule.withinDays,
        }),
        needed,
      };
    }
    case 'consent':
      return {
        seen: t('explain.leaf.consent', {
          channel: channel(rule.channel, t),
          state: consentState(observed, t),
        }),
        needed: consentState(rule.state, t),
      };
    case 'reachable': {
      const facts = (observed ?? {}) as { identifier?: boolean; consent?: string; doNotContact?: boolean };
      return {
        seen: t('explain.leaf.reachable', {
          channel: channel(rule.channel, t),
          identifier: t(`explain.leaf.identifier.${IDENTIFIER[rule.channel]}`),
          presence: t(facts.identifier ? 'explain.leaf.present' : 'explain.leaf.absent'),
          consent: consentState(facts.consent, t),
          doNotContact: t(
            facts.doNotContact ? 'explain.leaf.onDoNotContact' : 'explain.leaf.notOnDoNotContact',
          ),
        }),
        needed: t(rule.reachable === false ? 'explain.leaf.unreachable' : 'explain.leaf.reachableNeeded'),
      };
    }
    case 'segment': {
      const name = segmentName(rule.segmentId) ?? rule.segmentId;
      return {
        seen: t(observed === true ? 'explain.leaf.member' : 'explain.leaf.notMember', { name }),
        needed: t(rule.member === false ? 'explain.leaf.notMemberNeeded' : 'explain.leaf.memberNeeded'),
      };
    }
    case 'send_outcome':
      return { seen: rule.outcome, needed: rule.outcome };
  }
}

function channel(value: string, t: Translate): string {
  return t(`explain.leaf.channels.${value}`);
}

function consentState(value: unknown, t: Translate): string {
  return t(`explain.leaf.consentStates.${typeof value === 'string' ? value : 'unknown'}`);
}

function show(value: unknown): string {
  if (Array.isArray(value)) return value.map(show).join(', ');
  return typeof value === 'string' ? `“${value}”` : String(value);
}
