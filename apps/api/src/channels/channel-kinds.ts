import {
  esmsJourneyPurposes,
  speedSmsJourneyPurposes,
  type EsmsAccount,
  type JourneySmsPurposes,
  type SpeedSmsAccount,
  EsmsAccountSchema,
  SmtpAccountSchema,
  SpeedSmsAccountSchema,
  TwilioAccountSchema,
  zaloOaAccountSchema,
} from '@loa/connectors';
import { z } from 'zod';
import { secretPaths } from './secret-fields';

export const CHANNEL_KINDS = ['zalo_oa', 'esms', 'speedsms', 'twilio', 'smtp'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
export const channelKindSchema = z.enum(CHANNEL_KINDS);

export const MESSAGE_CHANNELS = ['zns', 'zalo_oa', 'sms', 'email'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

export interface ChannelKindSpec {
  /** The connector's account schema: the single definition of the settings and which of them are secret. */
  schema: z.ZodType<Record<string, unknown>>;
  /** The channels an account of this kind sends on. */
  channels: readonly MessageChannel[];
  /** The account is usable only after the admin grants access at the provider (OAuth). */
  connectsByOAuth: boolean;
  /** Whether the configuration puts the account in the provider's test mode (ZNS development mode, eSMS Sandbox). */
  testing: (config: Record<string, unknown>) => boolean;
  secretPaths: readonly string[];
  /**
   * Fields that say where the secrets go (provider addresses) or whose they are: when one changes, the stored
   * secrets are not carried over and must be given again, so they can never be sent to a new address unseen.
   */
  destinationFields: readonly string[];
  /** The message purposes a journey can send through such an account (absent: every purpose). */
  journeyPurposes?: (settings: Record<string, unknown>) => JourneySmsPurposes;
}

function spec(input: Omit<ChannelKindSpec, 'secretPaths'>): ChannelKindSpec {
  return { ...input, secretPaths: secretPaths(input.schema) };
}

export const CHANNEL_KIND_SPECS: Record<ChannelKind, ChannelKindSpec> = {
  zalo_oa: spec({
    schema: zaloOaAccountSchema,
    channels: ['zns', 'zalo_oa'],
    connectsByOAuth: true,
    testing: (config) => config.znsMode === 'development',
    destinationFields: ['baseUrls', 'appId', 'oaId'],
  }),
  esms: spec({
    schema: EsmsAccountSchema,
    channels: ['sms'],
    connectsByOAuth: false,
    testing: (config) => config.sandbox === true,
    destinationFields: ['baseUrl'],
    journeyPurposes: (settings) => esmsJourneyPurposes(settings as Pick<EsmsAccount, 'smsType'>),
  }),
  speedsms: spec({
    schema: SpeedSmsAccountSchema,
    channels: ['sms'],
    connectsByOAuth: false,
    testing: () => false,
    destinationFields: ['baseUrl'],
    journeyPurposes: (settings) => speedSmsJourneyPurposes(settings as Pick<SpeedSmsAccount, 'smsType'>),
  }),
  twilio: spec({
    schema: TwilioAccountSchema,
    channels: ['sms'],
    connectsByOAuth: false,
    testing: () => false,
    destinationFields: ['baseUrl', 'accountSid'],
  }),
  smtp: spec({
    schema: SmtpAccountSchema,
    channels: ['email'],
    connectsByOAuth: false,
    testing: () => false,
    destinationFields: ['host', 'port', 'secure', 'auth.user'],
  }),
};
