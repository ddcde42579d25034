import { z } from 'zod';

export const TWILIO_DEFAULT_BASE_URL = 'https://api.twilio.com';

export const TwilioAccountSchema = z
  .object({
    accountSid: z
      .string()
      .trim()
      .regex(/^AC[0-9a-fA-F]{32}$/, 'accountSid must be "AC" followed by 32 hexadecimal characters')
      .meta({ title: 'Account SID', description: 'The Twilio account SID (AC…).' }),
    authToken: z.string().trim().min(1, 'authToken is required').meta({
      title: 'Auth token',
      description: 'The Twilio auth token; it also signs status callbacks.',
      secret: true,
    }),
    from: z.string().trim().min(1, 'from must not be empty').optional().meta({
      title: 'From',
      description: 'E.164 number or registered alphanumeric sender id (required for Vietnam).',
    }),
    messagingServiceSid: z
      .string()
      .trim()
      .regex(/^MG[0-9a-fA-F]{32}$/, 'messagingServiceSid must be "MG" followed by 32 hexadecimal characters')
      .optional()
      .meta({
        title: 'Messaging service SID',
        description: 'Send through a Twilio messaging service (MG…).',
      }),
    statusCallbackUrl: z
      .url({ protocol: /^https?$/ })
      .optional()
      .meta({
        title: 'Status callback URL',
        description: 'Twilio POSTs delivery status changes here, signed with the auth token.',
      }),
    baseUrl: z
      .url({ protocol: /^https?$/ })
      .default(TWILIO_DEFAULT_BASE_URL)
      .meta({
        title: 'API base URL',
        description: 'Replaces https://api.twilio.com (for the provider sandbox).',
      }),
  })
  .superRefine((account, context) => {
    if (account.from === undefined && account.messagingServiceSid === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['from'],
        message: 'from or messagingServiceSid is required',
      });
    }
  })
  .meta({ title: 'Twilio account', description: 'International SMS through Twilio.' });

export type TwilioAccountInput = z.input<typeof TwilioAccountSchema>;
export type TwilioAccount = z.output<typeof TwilioAccountSchema>;
