import type { ChannelKind } from './channel-queries';

export const CHANNEL_KINDS: readonly ChannelKind[] = ['zalo_oa', 'esms', 'speedsms', 'twilio', 'smtp'];

/**
 * One field of an account's form. `key` names it in the form and in the texts; `path` is where it sits in the
 * account's configuration (the connector's account schema in @loa/connectors, which the API validates against).
 */
export interface AccountField {
  key: string;
  path: string;
  input: 'text' | 'secret' | 'select' | 'checkbox' | 'number';
  /** May be left empty (the provider's default or nothing). */
  optional?: boolean;
  /** Options of a select; `numeric` ones are sent as numbers. */
  options?: readonly string[];
  numeric?: boolean;
  check?: 'url' | 'email';
  /** Shown folded under "Advanced" (provider addresses for the sandbox, webhook signature quirks). */
  advanced?: boolean;
}

const baseUrl = (key: string, path: string): AccountField => ({
  key,
  path,
  input: 'text',
  optional: true,
  check: 'url',
  advanced: true,
});

export const ACCOUNT_FIELDS: Record<ChannelKind, readonly AccountField[]> = {
  zalo_oa: [
    { key: 'appId', path: 'appId', input: 'text' },
    { key: 'appSecret', path: 'appSecret', input: 'secret' },
    { key: 'oaId', path: 'oaId', input: 'text' },
    { key: 'webhookSecret', path: 'webhookSecret', input: 'secret' },
    { key: 'znsMode', path: 'znsMode', input: 'select', options: ['production', 'development'] },
    {
      key: 'webhookSignatureFirstTerm',
      path: 'webhookSignatureFirstTerm',
      input: 'select',
      options: ['app_id', 'oa_id'],
      advanced: true,
    },
    {
      key: 'webhookSignatureMacPrefix',
      path: 'webhookSignatureMacPrefix',
      input: 'select',
      options: ['optional', 'required', 'forbidden'],
      advanced: true,
    },
    baseUrl('baseUrlOauth', 'baseUrls.oauth'),
    baseUrl('baseUrlZns', 'baseUrls.zns'),
    baseUrl('baseUrlOa', 'baseUrls.oa'),
  ],
  esms: [
    { key: 'apiKey', path: 'apiKey', input: 'secret' },
    { key: 'secretKey', path: 'secretKey', input: 'secret' },
    { key: 'brandname', path: 'brandname', input: 'text' },
    {
      key: 'esmsSmsType',
      path: 'smsType',
      input: 'select',
      options: ['care', 'fixed_number', 'advertising'],
    },
    { key: 'sandbox', path: 'sandbox', input: 'checkbox' },
    { key: 'callbackUrl', path: 'callbackUrl', input: 'text', optional: true, check: 'url', advanced: true },
    baseUrl('baseUrl', 'baseUrl'),
  ],
  speedsms: [
    { key: 'accessToken', path: 'accessToken', input: 'secret' },
    { key: 'speedSmsType', path: 'smsType', input: 'select', options: ['2', '3', '4', '5'], numeric: true },
    { key: 'sender', path: 'sender', input: 'text', optional: true },
    baseUrl('baseUrl', 'baseUrl'),
  ],
  twilio: [
    { key: 'accountSid', path: 'accountSid', input: 'text' },
    { key: 'authToken', path: 'authToken', input: 'secret' },
    { key: 'from', path: 'from', input: 'text', optional: true },
    { key: 'messagingServiceSid', path: 'messagingServiceSid', input: 'text', optional: true },
    {
      key: 'statusCallbackUrl',
      path: 'statusCallbackUrl',
      input: 'text',
      optional: true,
      check: 'url',
      advanced: true,
    },
    baseUrl('baseUrl', 'baseUrl'),
  ],
  smtp: [
    { key: 'host', path: 'host', input: 'text' },
    { key: 'port', path: 'port', input: 'number' },
    { key: 'secure', path: 'secure', input: 'checkbox' },
    { key: 'authUser', path: 'auth.user', input: 'text', optional: true },
    { key: 'authPass', path: 'auth.pass', input: 'secret', optional: true },
    { key: 'emailFrom', path: 'from', input: 'text' },
    { key: 'replyTo', path: 'replyTo', input: 'text', optional: true, check: 'email' },
    { key: 'messageIdDomain', path: 'messageIdDomain', input: 'text' },
    { key: 'unsubscribeUrl', path: 'unsubscribe.urlTemplate', input: 'text' },
    { key: 'unsubscribeMailto', path: 'unsubscribe.mailto', input: 'text', optional: true, check: 'email' },
    { key: 'verifyTlsCertificate', path: 'verifyTlsCertificate', input: 'checkbox', advanced: true },
    { key: 'poolSize', path: 'poolSize', input: 'number', advanced: true },
  ],
};

/** What a new account's form starts with (the connectors' defaults). */
export const FORM_DEFAULTS: Record<ChannelKind, Record<string, string | boolean>> = {
  zalo_oa: {
    znsMode: 'production',
    webhookSignatureFirstTerm: 'app_id',
    webhookSignatureMacPrefix: 'optional',
  },
  esms: { esmsSmsType: 'care', sandbox: false },
  speedsms: { speedSmsType: '2' },
  twilio: {},
  smtp: { port: '587', secure: false, verifyTlsCertificate: true, poolSize: '5' },
};
