import { z } from 'zod';
import { ACCOUNT_FIELDS, FORM_DEFAULTS, type AccountField } from './account-fields';
import type { ChannelAccount, ChannelKind } from './channel-queries';

/** The form's values: the account's name and one entry per field key (text as typed, checkboxes as booleans). */
export type AccountFormValues = { name: string } & Record<string, string | boolean>;

/** Error messages are keys of the channels texts (`errors.*`). */
const isUrl = (value: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};
const isEmail = (value: string) => /^[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+$/.test(value);

function fieldSchema(field: AccountField, storedSecrets: readonly string[]): z.ZodType {
  switch (field.input) {
    case 'checkbox':
      return z.boolean();
    case 'select':
      return z.enum(field.options as [string, ...string[]], { message: 'errors.required' });
    case 'number':
      return z.string().trim().regex(/^\d+$/, 'errors.wholeNumber');
    case 'secret':
      // A stored secret is never shown: empty keeps it, a value replaces it.
      return field.optional || storedSecrets.includes(field.path)
        ? z.string()
        : z.string().trim().min(1, 'errors.secretRequired');
    case 'text': {
      const text = z.string().trim();
      const checked =
        field.check === 'url'
          ? text.refine((value) => value === '' || isUrl(value), 'errors.url')
          : field.check === 'email'
            ? text.refine((value) => value === '' || isEmail(value), 'errors.email')
            : text;
      return field.optional ? checked : checked.refine((value) => value !== '', 'errors.required');
    }
  }
}

type Issue = { key: string; message: string };

/** The rules between fields of one kind, as the connectors' schemas state them. */
const KIND_RULES: Partial<
  Record<ChannelKind, (values: AccountFormValues, storedSecrets: readonly string[]) => Issue[]>
> = {
  speedsms: (values) =>
    ['3', '5'].includes(String(values['speedSmsType'])) && String(values['sender']).trim() === ''
      ? [{ key: 'sender', message: 'errors.senderRequired' }]
      : [],
  twilio: (values) => {
    const issues: Issue[] = [];
    if (!/^AC[0-9a-fA-F]{32}$/.test(String(values['accountSid']).trim()))
      issues.push({ key: 'accountSid', message: 'errors.accountSid' });
    const service = String(values['messagingServiceSid']).trim();
    if (service !== '' && !/^MG[0-9a-fA-F]{32}$/.test(service))
      issues.push({ key: 'messagingServiceSid', message: 'errors.messagingServiceSid' });
    if (String(values['from']).trim() === '' && service === '')
      issues.push({ key: 'from', message: 'errors.fromOrService' });
    return issues;
  },
  smtp: (values, storedSecrets) => {
    const issues: Issue[] = [];
    const hasUser = String(values['authUser']).trim() !== '';
    if (hasUser && String(values['authPass']) === '' && !storedSecrets.includes('auth.pass'))
      issues.push({ key: 'authPass', message: 'errors.secretRequired' });
    const from = String(values['emailFrom']).trim();
    if (from !== '' && !isEmail(from) && !/^[^<>]*<[^\s<>@]+@[^\s<>@]+>$/.test(from))
      issues.push({ key: 'emailFrom', message: 'errors.emailFrom' });
    const unsubscribe = String(values['unsubscribeUrl']).trim();
    if (unsubscribe !== '' && (!unsubscribe.startsWith('https://') || !unsubscribe.includes('{token}')))
      issues.push({ key: 'unsubscribeUrl', message: 'errors.unsubscribeUrl' });
    return issues;
  },
};

/** The form key of the account's own send rate (messages per second; empty = the provider's default). */
export const SEND_RATE_KEY = 'sendRatePerSecond';
const MAX_SEND_RATE = 10_000;

/** A send rate as typed ("2.5" or "2,5"): a number from 0.001 to 10,000 with at most three decimals. */
export function sendRateFromText(text: string): number | null | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  if (!/^\d+(\.\d{1,3})?$/.test(trimmed)) return undefined;
  const rate = Number(trimmed);
  return rate > 0 && rate <= MAX_SEND_RATE ? rate : undefined;
}

/**
 * The form's schema for a kind; a secret already stored (its path in `storedSecrets`) may be left empty. With
 * `sendRate`, the account's own send rate is a field too (an existing account's form).
 */
export function accountFormSchema(
  kind: ChannelKind,
  storedSecrets: readonly string[] = [],
  options: { sendRate?: boolean } = {},
): z.ZodType<AccountFormValues, AccountFormValues> {
  const shape: Record<string, z.ZodType> = {
    name: z.string().trim().min(1, 'errors.required').max(100, 'errors.tooLong'),
  };
  if (options.sendRate)
    shape[SEND_RATE_KEY] = z
      .string()
      .refine((text) => sendRateFromText(text) !== undefined, 'errors.sendRate');
  for (const field of ACCOUNT_FIELDS[kind]) shape[field.key] = fieldSchema(field, storedSecrets);
  const schema = z.object(shape).superRefine((values, context) => {
    for (const issue of KIND_RULES[kind]?.(values as AccountFormValues, storedSecrets) ?? [])
      context.addIssue({ code: 'custom', path: [issue.key], message: issue.message });
  });
  // The shape is built from the kind's fields, which the values type describes only loosely.
  return schema as unknown as z.ZodType<AccountFormValues, AccountFormValues>;
}

/** A new account's form values. */
export function emptyAccountForm(kind: ChannelKind): AccountFormValues {
  const values: AccountFormValues = { name: '' };
  for (const field of ACCOUNT_FIELDS[kind])
    values[field.key] = FORM_DEFAULTS[kind][field.key] ?? (field.input === 'checkbox' ? false : '');
  return values;
}

/** An existing account's form values: its settings and send rate, every secret empty (stored ones never shown). */
export function accountFormFromAccount(account: ChannelAccount): AccountFormValues {
  const values: AccountFormValues = {
    name: account.name,
    [SEND_RATE_KEY]: account.sendRatePerSecond === null ? '' : String(account.sendRatePerSecond),
  };
  for (const field of ACCOUNT_FIELDS[account.kind]) {
    const stored = readPath(account.settings, field.path);
    values[field.key] =
      field.input === 'checkbox'
        ? stored === true
        : field.input === 'secret' || stored === undefined || stored === null
          ? ''
          : String(stored);
  }
  return values;
}

/**
 * The configuration the API takes from the form: empty optional fields left out (the provider's default), numbers
 * as numbers, and an empty secret left out so that the stored one is kept.
 */
export function accountConfigFromForm(kind: ChannelKind, values: AccountFormValues): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const field of ACCOUNT_FIELDS[kind]) {
    const value = values[field.key];
    if (typeof value === 'boolean') {
      writePath(config, field.path, value);
      continue;
    }
    const text = field.input === 'secret' ? (value ?? '') : (value ?? '').trim();
    if (text === '') continue;
    writePath(config, field.path, field.numeric || field.input === 'number' ? Number(text) : text);
  }
  if (kind === 'smtp' && config['auth'] && !(config['auth'] as Record<string, unknown>)['user'])
    delete config['auth'];
  return config;
}

/** The form field an API field error names (`config.auth.pass` → `authPass`, `name` → `name`, the send rate). */
export function formKeyOfApiField(kind: ChannelKind, apiField: string): string | undefined {
  if (apiField === 'name' || apiField === SEND_RATE_KEY) return apiField;
  const path = apiField.replace(/^config\./, '');
  return ACCOUNT_FIELDS[kind].find((field) => field.path === path)?.key;
}

function readPath(source: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) =>
        node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined,
      source,
    );
}

function writePath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let node = target;
  for (const key of keys) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[last] = value;
}
