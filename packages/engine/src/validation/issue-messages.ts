import type { z } from 'zod';
import { valueAt } from './json';
import { clip, quote } from './text';

/** A schema problem in words for a marketer, with its path relative to the parsed value. */
export interface ExplainedIssue {
  path: PropertyKey[];
  /** e.g. "the text is required", "the weight of variant 2 must be at most 100". */
  text: string;
}

type Issue = z.core.$ZodIssue;

/** Names of config and settings fields as the builder's forms show them. */
const FIELD_NAMES: Record<string, string> = {
  label: 'label',
  event: 'event',
  filter: 'filter',
  conditions: 'conditions',
  field: 'field',
  operator: 'comparison',
  value: 'value',
  entryKey: 'entry key',
  segmentId: 'segment',
  audience: 'audience',
  tag: 'tag',
  schedule: 'schedule',
  at: 'date and time',
  cron: 'repeat rule (cron)',
  timezone: 'time zone',
  endsAt: 'end date',
  attribute: 'contact date field',
  offsetDays: 'number of days before or after',
  timeOfDay: 'time of day',
  recurring: 'repetition',
  amount: 'amount of time',
  unit: 'time unit',
  until: 'wait setting',
  time: 'time',
  weekdays: 'weekdays',
  matchEntryKey: 'matching key',
  timeout: 'timeout',
  rule: 'condition',
  rules: 'rules',
  match: 'match (all or any)',
  withinDays: 'number of days',
  minCount: 'minimum number of times',
  maxCount: 'maximum number of times',
  period: 'period',
  state: 'consent state',
  reachable: 'reachable or not',
  member: 'member or not',
  nodeId: 'send step',
  outcome: 'outcome',
  variants: 'variants',
  weight: 'weight',
  holdout: 'holdout',
  accountId: 'channel account',
  templateId: 'template',
  params: 'template parameters',
  mode: 'mode',
  purpose: 'message purpose',
  message: 'message',
  text: 'text',
  type: 'message type',
  imageUrl: 'image URL',
  title: 'title',
  subtitle: 'subtitle',
  templateType: 'transaction template',
  language: 'language',
  header: 'header',
  table: 'table',
  buttons: 'buttons',
  url: 'URL',
  brandName: 'brand name',
  from: 'sender',
  email: 'email address',
  name: 'name',
  replyTo: 'reply-to address',
  subject: 'subject',
  html: 'HTML body',
  set: 'attributes to set',
  addTags: 'tags to add',
  removeTags: 'tags to remove',
  scoreDelta: 'score change',
  doNotContact: 'do-not-contact change',
  method: 'method',
  headers: 'headers',
  body: 'body',
  timeoutSeconds: 'timeout in seconds',
  responseMapping: 'response mapping',
  secretRef: 'secret',
  reason: 'exit reason',
  reEntry: 're-entry',
  enrollmentLimit: 'enrollment limit',
  goal: 'conversion goal',
  window: 'conversion window',
  exitOnGoal: 'exit on goal',
  quietHours: 'quiet hours',
  start: 'start',
  end: 'end',
  frequencyCaps: 'frequency caps',
  channel: 'channel',
  max: 'maximum',
  per: 'period',
  sendRateLimits: 'send rate limits',
};

/** What one item of a list is called. */
const ITEM_NAMES: Record<string, string> = {
  conditions: 'condition',
  rules: 'rule',
  variants: 'variant',
  headers: 'header',
  table: 'table row',
  buttons: 'button',
  weekdays: 'weekday',
  addTags: 'tag to add',
  removeTags: 'tag to remove',
  frequencyCaps: 'frequency cap',
  value: 'value',
};

/** What one entry of a record (user-chosen keys) is called. */
const ENTRY_NAMES: Record<string, string> = {
  params: 'template parameter',
  set: 'attribute',
  responseMapping: 'response mapping of',
  sendRateLimits: 'send rate limit of',
};

function nameOfKey(key: string): string {
  return FIELD_NAMES[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** "the text", "the weight of variant 2", "the template parameter “customer_name”", "rule 3". */
export function describeField(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'this step';
  const last = path[path.length - 1];
  const parent = path.length > 1 ? path[path.length - 2] : undefined;
  let subject: string;
  let rest: readonly PropertyKey[];
  if (typeof last === 'number') {
    const list = typeof parent === 'string' ? parent : '';
    subject = `${ITEM_NAMES[list] ?? 'item'} ${last + 1}`;
    rest = path.slice(0, -2);
  } else if (typeof parent === 'string' && ENTRY_NAMES[parent] !== undefined) {
    subject = `the ${ENTRY_NAMES[parent]} ${quote(String(last))}`;
    rest = path.slice(0, -2);
  } else {
    subject = `the ${nameOfKey(String(last))}`;
    rest = path.slice(0, -1);
  }
  // The nearest enclosing list item or object gives context: "the weight of variant 2".
  for (let i = rest.length - 1; i >= 0; i--) {
    const segment = rest[i];
    if (typeof segment === 'number') {
      const list = rest[i - 1];
      return `${subject} of ${ITEM_NAMES[typeof list === 'string' ? list : ''] ?? 'item'} ${segment + 1}`;
    }
    if (typeof segment === 'string') return `${subject} of the ${nameOfKey(segment)}`;
  }
  return subject;
}

/** Zod's own English messages start with a capital; the schemas' custom messages ("must be …") do not. */
function isCustomMessage(message: string): boolean {
  return (
    message !== '' &&
    !/^(Invalid|Too (small|big)|Unrecognized|Expected|Number must|String must)/.test(message)
  );
}

/** A custom message that reads as a predicate of the field ("must be …") or as a sentence of its own. */
function withCustomMessage(field: string, message: string): string {
  return /^(must|may|is|are|can|cannot|should)\b/.test(message)
    ? `${field} ${message}`
    : `${message} (${field})`;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes or no',
  array: 'a list',
  object: 'a group of settings',
  record: 'a group of settings',
};

function plural(count: number | bigint, singular: string): string {
  return `${count} ${singular}${Number(count) === 1 ? '' : 's'}`;
}

function predicate(issue: Issue, value: unknown): string {
  if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value'))
    return 'is required';
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${EXPECTED[issue.expected] ?? issue.expected}`;
    case 'too_small': {
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? 'must not be empty'
          : `must be at least ${plural(issue.minimum, 'character')}`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return Number(issue.minimum) <= 1
          ? 'needs at least one item'
          : `needs at least ${plural(issue.minimum, 'item')}`;
      }
      return issue.inclusive === false
        ? `must be greater than ${issue.minimum}`
        : `must be at least ${issue.minimum}`;
    }
    case 'too_big': {
      if (issue.origin === 'string') return `must be at most ${plural(issue.maximum, 'character')}`;
      if (issue.origin === 'array' || issue.origin === 'set') {
        return `can have at most ${plural(issue.maximum, 'item')}`;
      }
      return issue.inclusive === false
        ? `must be less than ${issue.maximum}`
        : `must be at most ${issue.maximum}`;
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => (typeof v === 'string' ? v : String(v)));
      return values.length === 1 ? `must be ${values[0]}` : `must be one of: ${values.join(', ')}`;
    }
    case 'invalid_format':
      if (issue.format === 'email') return 'must be an email address';
      if (issue.format === 'url') return 'must be a web address';
      return 'is not in the expected format';
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return `has unknown fields: ${issue.keys.join(', ')}`;
    default:
      return 'is not valid';
  }
}

/** Zod reports a failed union with the issues of every option: keep the option that came closest. */
function closestOption(errors: Issue[][]): Issue[] | undefined {
  let best: Issue[] | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const option of errors) {
    // An option whose kind did not even match ("No matching discriminator") is the least likely meant.
    const kindMismatch = option.some((issue) => issue.code === 'invalid_union' && issue.errors.length === 0);
    const score = option.length + (kindMismatch ? 1000 : 0);
    if (score < bestScore) {
      best = option;
      bestScore = score;
    }
  }
  return best;
}

/** Turns zod issues into marketer-readable texts; `input` is the value that was parsed. */
export function explainIssues(issues: readonly Issue[], input: unknown): ExplainedIssue[] {
  const explained: ExplainedIssue[] = [];
  const pending: Array<{ issue: Issue; prefix: PropertyKey[] }> = issues.map((issue) => ({
    issue,
    prefix: [],
  }));
  for (let i = 0; i < pending.length && explained.length < 50; i++) {
    const { issue, prefix } = pending[i];
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union') {
      const option = issue.errors.length > 0 ? closestOption(issue.errors) : undefined;
      if (option !== undefined && option.length > 0) {
        for (const inner of option) pending.push({ issue: inner, prefix: path });
        continue;
      }
      const discriminator = (issue as { discriminator?: unknown }).discriminator;
      const options = (issue as { options?: unknown }).options;
      if (typeof discriminator === 'string' && Array.isArray(options)) {
        const fieldPath = path[path.length - 1] === discriminator ? path : [...path, discriminator];
        const value = valueAt(input, fieldPath);
        explained.push({
          path: fieldPath,
          text:
            value === undefined
              ? `${describeField(fieldPath)} is required`
              : `${describeField(fieldPath)} must be one of: ${options.map(String).join(', ')}`,
        });
        continue;
      }
      explained.push({ path, text: `${describeField(path)} is not valid` });
      continue;
    }
    if (issue.code === 'invalid_key') {
      const inner = issue.issues[0];
      const container = describeField(path.slice(0, -1));
      const key = clip(String(path[path.length - 1] ?? ''));
      const reason =
        inner !== undefined && isCustomMessage(inner.message) ? inner.message : 'is not a valid name';
      explained.push({ path, text: `the name “${key}” in ${container} ${reason}` });
      continue;
    }
    const field = describeField(path);
    if (isCustomMessage(issue.message)) {
      explained.push({
        path,
        text: path.length === 0 ? issue.message : withCustomMessage(field, issue.message),
      });
      continue;
    }
    const value = valueAt(input, path);
    if (path.length === 0 && issue.code === 'invalid_type') {
      explained.push({
        path,
        text: value === undefined ? 'its settings are missing' : 'its settings are damaged',
      });
      continue;
    }
    explained.push({ path, text: `${field} ${predicate(issue, value)}` });
  }
  return explained;
}
