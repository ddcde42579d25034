import {
  type ContactChannel,
  durationMs,
  isRelativeDateOperator,
  type PropertyFilter,
  type RelativeDateOperator,
  type Rule,
  type RuleGroup,
} from '@loa/engine';
import { comparisonSql } from './comparison-sql';
import type { SqlParams } from './sql-params';

/** The declared type of each top-level attribute key of the workspace. */
export type AttributeTypes = ReadonlyMap<string, string>;

/** Where a rule is compiled: the contact row is `c`; `now` and `timezone` are SQL expressions. */
export interface RuleSqlContext {
  params: SqlParams;
  attributeTypes: AttributeTypes;
  /** The reference moment (timestamptz) for relative dates and event windows. */
  now: string;
  /** The workspace timezone (text), in which date attributes are calendar days. */
  timezone: string;
}

export type SegmentRule = Exclude<Rule, { kind: 'send_outcome' }>;
type EventSeenRule = Extract<Rule, { kind: 'event_seen' }>;
type AttributeRule = Extract<Rule, { kind: 'attribute' }>;

const DATE_TEXT = String.raw`^[12]\d{3}-\d{2}-\d{2}$`;
const DATE_TIME_TEXT = String.raw`^[12]\d{3}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$`;

/**
 * A rule tree as a SQL boolean over the contact row `c` (a WHERE fragment), deciding exactly what the engine's
 * `evaluateRuleGroup` decides: the two places the rule vocabulary meets.
 */
export function compileRuleGroup(group: RuleGroup, context: RuleSqlContext): string {
  const parts = group.rules.map((rule) =>
    'match' in rule ? compileRuleGroup(rule, context) : compileRule(rule, context),
  );
  return `(${parts.join(group.match === 'any' ? ' OR ' : ' AND ')})`;
}

/**
 * One rule as a SQL boolean: true when it holds, false or null when it does not (see `comparisonSql`); wrap it in
 * `holds()` where a definite true or false is needed.
 */
export function compileRule(rule: Rule, context: RuleSqlContext): string {
  const { params } = context;
  switch (rule.kind) {
    case 'attribute':
      return attributeSql(rule, context);
    case 'tag': {
      const has = `c.tags @> ARRAY[${params.add(rule.tag, 'text')}]`;
      return rule.has ? has : `NOT (${has})`;
    }
    case 'event_seen':
      return eventSeenSql(rule, context);
    case 'consent':
      return `(${consentSql(params.add(rule.channel, 'text'))} = ${params.add(rule.state, 'text')})`;
    case 'reachable': {
      const reachable = reachableSql(rule.channel, context);
      return rule.reachable ? reachable : `NOT ${reachable}`;
    }
    case 'segment': {
      const member = `EXISTS (SELECT 1 FROM segment_memberships m WHERE m.segment_id = ${params.add(rule.segmentId, 'uuid')} AND m.contact_id = c.id)`;
      return rule.member ? member : `NOT ${member}`;
    }
    case 'send_outcome':
      throw new Error('send_outcome rules have no meaning for a segment');
  }
}

/** What a rule looked at, as jsonb, for explanations. */
export function observeRule(rule: Rule, context: RuleSqlContext): string {
  const { params } = context;
  switch (rule.kind) {
    case 'attribute':
      return `(c.attributes #> ${params.add(rule.field.split('.'), 'text[]')})`;
    case 'tag':
      return `to_jsonb(c.tags @> ARRAY[${params.add(rule.tag, 'text')}])`;
    case 'event_seen':
      return `to_jsonb((SELECT count(*) FROM (${matchingEvents(rule, context)}) AS seen))`;
    case 'consent':
      return `to_jsonb(${consentSql(params.add(rule.channel, 'text'))})`;
    case 'reachable': {
      const channel = params.add(rule.channel, 'text');
      return `jsonb_build_object('identifier', ${identifierSql(rule.channel)}, 'consent', ${consentSql(channel)}, 'doNotContact', c.do_not_contact)`;
    }
    case 'segment':
      return `to_jsonb(EXISTS (SELECT 1 FROM segment_memberships m WHERE m.segment_id = ${params.add(rule.segmentId, 'uuid')} AND m.contact_id = c.id))`;
    case 'send_outcome':
      throw new Error('send_outcome rules have no meaning for a segment');
  }
}

function attributeSql(rule: AttributeRule, context: RuleSqlContext): string {
  const { params } = context;
  const json = () => `(c.attributes #> ${params.add(rule.field.split('.'), 'text[]')})`;
  const declared = rule.field.includes('.') ? undefined : context.attributeTypes.get(rule.field);
  const { operator } = rule;
  if (!isRelativeDateOperator(operator))
    return comparisonSql({
      json,
      operator,
      expected: rule.value,
      params,
      numberTyped: declared === 'number',
    });
  if (rule.period === undefined) return 'false';
  return relativeDateSql({
    json: json(),
    operator,
    periodSeconds: durationMs(rule.period) / 1000,
    declared,
    context,
  });
}

/** Dates by calendar day in the workspace timezone, date-times as instants; anything else is false. */
function relativeDateSql(input: {
  json: string;
  operator: RelativeDateOperator;
  periodSeconds: number;
  declared: string | undefined;
  context: RuleSqlContext;
}): string {
  const { json, operator, declared, context } = input;
  const { params, now } = context;
  const period = `(${params.add(input.periodSeconds, 'double precision')} * interval '1 second')`;
  const text = `(CASE WHEN jsonb_typeof(${json}) = 'string' THEN ${json} #>> '{}' END)`;
  const day = (moment: string) => `((${moment}) AT TIME ZONE ${context.timezone})::date`;
  const byDay = () =>
    inRange(
      operator,
      `loa_try_date(${text})`,
      day(`${now} - ${period}`),
      day(now),
      day(`${now} + ${period}`),
    );
  const byInstant = () =>
    inRange(operator, `loa_try_timestamptz(${text})`, `(${now} - ${period})`, now, `(${now} + ${period})`);
  const branches: string[] = [];
  if (declared !== 'datetime') branches.push(`WHEN ${text} ~ '${DATE_TEXT}' THEN ${byDay()}`);
  if (declared !== 'date') branches.push(`WHEN ${text} ~ '${DATE_TIME_TEXT}' THEN ${byInstant()}`);
  return `(CASE ${branches.join(' ')} END)`;
}

function inRange(
  operator: RelativeDateOperator,
  value: string,
  from: string,
  now: string,
  to: string,
): string {
  switch (operator) {
    case 'within_last':
      return `${value} BETWEEN ${from} AND ${now}`;
    case 'more_than_ago':
      return `${value} < ${from}`;
    case 'within_next':
      return `${value} BETWEEN ${now} AND ${to}`;
    case 'more_than_ahead':
      return `${value} > ${to}`;
  }
}

/** The contact's track events of the rule's name, filter and window (at most `limit` rows when given). */
function matchingEvents(rule: EventSeenRule, context: RuleSqlContext, limit?: number): string {
  const { params, now } = context;
  const windowStart = `${now} - ${params.add(rule.withinDays * 86_400, 'double precision')} * interval '1 second'`;
  const filter = filterSql(rule.filter, params);
  return [
    `SELECT 1 FROM events e WHERE e.workspace_id = c.workspace_id AND e.contact_id = c.id AND e.type = 'track'`,
    `AND e.name = ${params.add(rule.event, 'text')} AND e.timestamp >= ${windowStart} AND e.timestamp <= ${now}`,
    filter === undefined ? '' : `AND ${filter}`,
    limit === undefined ? '' : `LIMIT ${limit}`,
  ]
    .filter(Boolean)
    .join(' ');
}

function eventSeenSql(rule: EventSeenRule, context: RuleSqlContext): string {
  const [min, max] = [rule.minCount ?? 1, rule.maxCount];
  if (min === 1 && max === undefined) return `EXISTS (${matchingEvents(rule, context, 1)})`;
  if (min === 0 && max === undefined) return 'true';
  // Counting stops one past what the bounds need, so a contact with thousands of events costs no more.
  const count = `(SELECT count(*) FROM (${matchingEvents(rule, context, (max ?? min - 1) + 1)}) AS seen)`;
  return max === undefined ? `${count} >= ${min}` : `${count} BETWEEN ${min} AND ${max}`;
}

function filterSql(filter: PropertyFilter | undefined, params: SqlParams): string | undefined {
  if (filter === undefined || filter.conditions.length === 0) return undefined;
  const parts = filter.conditions.map((condition) =>
    comparisonSql({
      json: () => `(e.properties #> ${params.add(condition.field.split('.'), 'text[]')})`,
      operator: condition.operator,
      expected: condition.value,
      params,
    }),
  );
  return `(${parts.join(filter.match === 'any' ? ' OR ' : ' AND ')})`;
}

/** The stored consent state of a channel: `{state}` objects (or a bare state), `unknown` without a record. */
function consentSql(channel: string): string {
  const entry = `c.consents -> ${channel}`;
  return `COALESCE(CASE jsonb_typeof(${entry}) WHEN 'object' THEN ${entry} ->> 'state' WHEN 'string' THEN ${entry} #>> '{}' END, 'unknown')`;
}

function identifierSql(channel: ContactChannel): string {
  switch (channel) {
    case 'zns':
    case 'sms':
      return `(c.phone IS NOT NULL AND c.phone <> '')`;
    case 'email':
      return `(c.email IS NOT NULL AND c.email <> '')`;
    case 'oa':
      return `EXISTS (SELECT 1 FROM contact_identities i WHERE i.contact_id = c.id AND i.workspace_id = c.workspace_id AND i.kind = 'zalo' AND i.follower)`;
  }
}

function reachableSql(channel: ContactChannel, context: RuleSqlContext): string {
  const consent = consentSql(context.params.add(channel, 'text'));
  return `(${identifierSql(channel)} AND NOT c.do_not_contact AND ${consent} <> 'denied')`;
}
