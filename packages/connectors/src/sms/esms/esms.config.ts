import { z } from 'zod';

/** eSMS message types (providers.md §5.1) and the `SmsType` value each one sends. */
export const ESMS_SMS_TYPES = { care: '2', fixed_number: '8', advertising: '1' } as const;
export type EsmsSmsType = keyof typeof ESMS_SMS_TYPES;

export const ESMS_DEFAULT_BASE_URL = 'https://rest.esms.vn/MainService.svc/json';

export const EsmsAccountSchema = z
  .object({
    apiKey: z
      .string()
      .trim()
      .min(1, 'apiKey is required')
      .meta({ title: 'API key', description: 'ApiKey from the eSMS dashboard.', secret: true }),
    secretKey: z
      .string()
      .trim()
      .min(1, 'secretKey is required')
      .meta({ title: 'Secret key', description: 'SecretKey from the eSMS dashboard.', secret: true }),
    brandname: z
      .string()
      .trim()
      .min(1, 'brandname is required')
      .max(11, 'brandname is at most 11 characters')
      .meta({ title: 'Brand name', description: 'The sender name registered with eSMS and the telcos.' }),
    smsType: z.enum(['care', 'fixed_number', 'advertising']).meta({
      title: 'Message type',
      description:
        'Customer care / OTP brand name (SmsType 2), fixed number (8, cheap OTP) or advertising (1, 30 to 5,000 numbers per request).',
    }),
    sandbox: z.boolean().default(false).meta({
      title: 'Test mode',
      description: 'eSMS Sandbox=1: requests are validated but not charged and nothing is delivered.',
    }),
    callbackUrl: z
      .url({ protocol: /^https?$/ })
      .optional()
      .meta({
        title: 'Delivery report URL',
        description: 'eSMS calls this URL (HTTP GET) with the delivery status of each message.',
      }),
    baseUrl: z
      .url({ protocol: /^https?$/ })
      .default(ESMS_DEFAULT_BASE_URL)
      .meta({
        title: 'API base URL',
        description: 'Replaces https://rest.esms.vn/MainService.svc/json (for the provider sandbox).',
      }),
  })
  .meta({ title: 'eSMS account', description: 'Vietnamese brand-name SMS through eSMS.vn.' });

export type EsmsAccountInput = z.input<typeof EsmsAccountSchema>;
export type EsmsAccount = z.output<typeof EsmsAccountSchema>;
