import { parseAccountConfig, type ParsedConfig } from '../../contract/account-config';
import { z } from 'zod';

/** The real origins; the provider sandbox replaces them with its own base URLs. */
export const ZALO_ORIGINS = {
  oauth: 'https://oauth.zaloapp.com/v4',
  zns: 'https://business.openapi.zalo.me',
  oa: 'https://openapi.zalo.me',
} as const;

const baseUrl = (title: string, fallback: string) =>
  z
    .url({ protocol: /^https?$/ })
    .transform((url) => url.replace(/\/+$/, ''))
    .default(fallback)
    .meta({
      title,
      description: `Replaces ${fallback}; point it at the provider sandbox in tests and demos.`,
    });

export const zaloBaseUrlsSchema = z
  .object({
    oauth: baseUrl('OAuth base URL', ZALO_ORIGINS.oauth),
    zns: baseUrl('ZNS base URL', ZALO_ORIGINS.zns),
    oa: baseUrl('OA API base URL', ZALO_ORIGINS.oa),
  })
  .prefault({})
  .meta({ title: 'Provider base URLs', description: 'Where each Zalo API lives.' });

/**
 * A Zalo Official Account as Loa sends from it (ZNS and OA API). Reused by the builder's forms and the API's
 * validation; fields marked `secret` are stored encrypted and never returned.
 */
export const zaloOaAccountSchema = z
  .object({
    appId: z.string().trim().min(1).meta({
      title: 'App ID',
      description: 'The Zalo app linked to the Official Account (developers.zalo.me).',
    }),
    appSecret: z.string().min(1).meta({
      title: 'App secret',
      description: 'The app secret key, sent as the secret_key header when tokens are issued or refreshed.',
      secret: true,
    }),
    oaId: z
      .string()
      .trim()
      .min(1)
      .meta({ title: 'Official Account ID', description: 'The OA messages are sent from.' }),
    webhookSecret: z.string().min(1).meta({
      title: 'Webhook secret',
      description: 'The OA Secret Key shown in the webhook settings; it signs X-ZEvent-Signature.',
      secret: true,
    }),
    webhookSignatureFirstTerm: z.enum(['app_id', 'oa_id']).default('app_id').meta({
      title: 'Webhook signature first term',
      description:
        'Whether Zalo signs webhooks with the app ID (documented) or the OA ID (seen in some accounts).',
    }),
    webhookSignatureMacPrefix: z.enum(['optional', 'required', 'forbidden']).default('optional').meta({
      title: 'Webhook signature "mac=" prefix',
      description: 'Whether the X-ZEvent-Signature value may, must or must not start with "mac=".',
    }),
    znsMode: z.enum(['production', 'development']).default('production').meta({
      title: 'ZNS mode',
      description: 'Development mode sends only to the app and OA admins and uses the development quota.',
    }),
    baseUrls: zaloBaseUrlsSchema,
  })
  .meta({
    title: 'Zalo Official Account',
    description: 'Credentials and settings to send ZNS and OA messages.',
  });

export type ZaloOaAccount = z.output<typeof zaloOaAccountSchema>;
export type ZaloOaAccountInput = z.input<typeof zaloOaAccountSchema>;

/** Validates an account; each issue names its field and never echoes the submitted value. */
export function parseZaloOaAccount(input: unknown): ParsedConfig<ZaloOaAccount> {
  return parseAccountConfig(zaloOaAccountSchema, input);
}
