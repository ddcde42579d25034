import type { GraphNodeInput } from '@loa/engine/browser';

/** Translates a key of the editor's `summary.*` messages (i18next's `t`, or a fake in tests). */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

const MAX = 60;
const clip = (text: string) => (text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text);
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

function duration(t: Translate, value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  const { amount, unit } = value as { amount?: unknown; unit?: unknown };
  if (typeof amount !== 'number' || typeof unit !== 'string') return '';
  return t(`summary.units.${unit}`, { count: amount });
}

function ruleText(t: Translate, rule: unknown): string {
  if (typeof rule !== 'object' || rule === null) return '';
  const value = rule as Record<string, unknown>;
  switch (value.kind) {
    case 'attribute':
      return `${text(value.field)} ${t(`summary.operators.${String(value.operator)}`)} ${value.value === undefined ? '' : JSON.stringify(value.value)}`.trim();
    case 'tag':
      return t(value.has === false ? 'summary.rule.tagMissing' : 'summary.rule.tag', {
        tag: text(value.tag),
      });
    case 'event_seen':
      return t('summary.rule.eventSeen', { event: text(value.event), days: value.withinDays });
    case 'send_outcome':
      return t('summary.rule.sendOutcome', { node: text(value.nodeId), outcome: text(value.outcome) });
    case 'consent':
      return t('summary.rule.consent', { channel: text(value.channel), state: text(value.state) });
    case 'reachable':
      return t(value.reachable === false ? 'summary.rule.notReachable' : 'summary.rule.reachable', {
        channel: text(value.channel),
      });
    case 'segment':
      return t(value.member === false ? 'summary.rule.notInSegment' : 'summary.rule.inSegment');
    default:
      return 'rules' in value ? t('summary.rule.group') : '';
  }
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const number = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
/** A tag, a field name…: strings and numbers as they are, anything else left out. */
const word = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

/**
 * One line saying what a step does, from its config: "order.created", "2 ngày", "Mẫu ZNS #2471"… The config may
 * come from the API or a paste with the wrong shape, so every field is checked before it is used.
 */
export function summaryOf(node: GraphNodeInput, t: Translate): string {
  const data = record(node.data);
  switch (node.type) {
    case 'trigger.event':
      return clip(text(data.event) || t('summary.noEvent'));
    case 'trigger.segment':
      return text(data.segmentId) ? t('summary.segment') : t('summary.noSegment');
    case 'trigger.schedule': {
      const schedule = record(data.schedule);
      if (schedule.kind === 'once') return t('summary.once', { at: text(schedule.at).replace('T', ' ') });
      if (schedule.kind === 'recurring') return t('summary.recurring', { cron: text(schedule.cron) });
      return '';
    }
    case 'trigger.date': {
      const days = number(data.offsetDays) ?? 0;
      const key = days === 0 ? 'summary.dateOn' : days < 0 ? 'summary.dateBefore' : 'summary.dateAfter';
      return t(key, {
        attribute: text(data.attribute),
        days: Math.abs(days),
        time: text(data.timeOfDay),
      });
    }
    case 'trigger.manual':
      return t('summary.manual');
    case 'wait.delay':
      return duration(t, data);
    case 'wait.until': {
      const until = record(data.until);
      if (until.kind === 'time_of_day') return t('summary.untilTime', { time: text(until.time) });
      if (until.kind === 'date_attribute')
        return t('summary.untilDate', { attribute: text(until.attribute), time: text(until.time) });
      return '';
    }
    case 'wait.event': {
      const event = text(data.event) || t('summary.noEvent');
      const timeout = duration(t, data.timeout);
      return clip(timeout ? t('summary.waitEvent', { event, timeout }) : event);
    }
    case 'branch.condition': {
      const rules = list(record(data.rule).rules);
      if (rules.length === 0) return t('summary.noRules');
      const first = ruleText(t, rules[0]);
      return clip(rules.length > 1 ? t('summary.moreRules', { first, count: rules.length - 1 }) : first);
    }
    case 'branch.split':
      return clip(
        list(data.variants)
          .map(record)
          .map((variant) => `${word(variant.label) || word(variant.id)} ${word(variant.weight)}%`)
          .join(' · '),
      );
    case 'send.zns':
      return word(data.templateId).trim()
        ? t('summary.znsTemplate', { id: word(data.templateId) })
        : t('summary.noTemplate');
    case 'send.oa': {
      const message = record(data.message);
      return clip(
        text(message.text) || text(message.header) || text(message.title) || t('summary.noMessage'),
      );
    }
    case 'send.sms':
      return clip(text(data.text) || t('summary.noMessage'));
    case 'send.email':
      return clip(text(data.subject) || t('summary.noSubject'));
    case 'contact.update': {
      const parts = [
        ...list(data.addTags)
          .map(word)
          .filter(Boolean)
          .map((tag) => `+${tag}`),
        ...list(data.removeTags)
          .map(word)
          .filter(Boolean)
          .map((tag) => `−${tag}`),
        ...Object.keys(record(data.set)),
      ];
      const delta = number(data.scoreDelta);
      if (delta) parts.push(t('summary.score', { delta }));
      return clip(parts.join(', ') || t('summary.nothingToUpdate'));
    }
    case 'http.request':
      return clip(`${word(data.method)} ${text(data.url).replace(/^https?:\/\//, '')}`.trim());
    case 'flow.exit':
      return t('summary.exit', { reason: text(data.reason) || 'completed' });
    default:
      return '';
  }
}

/** What the canvas shows as a step's name: its own label, else what it does, else its type's title. */
export function displayNameOf(step: GraphNodeInput, t: Translate): string {
  const label = text((step.data as Record<string, unknown> | null)?.label);
  return label || summaryOf(step, t) || t(`types.${step.type}`);
}
