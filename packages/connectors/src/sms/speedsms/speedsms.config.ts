import { z } from 'zod';

export const SPEEDSMS_DEFAULT_BASE_URL = 'https://api.speedsms.vn/index.php';

/** SpeedSMS `sms_type` (providers.md §5.2). */
export const SPEEDSMS_SMS_TYPES = {
  2: 'random number',
  3: 'brand name',
  4: 'default brand name (Verify/Notify)',
  5: 'Android gateway',
} as const;

export const SpeedSmsAccountSchema = z
  .object({
    accessToken: z.string().trim().min(1, 'accessToken is required').meta({
      title: 'Access token',
      description: 'API access token from the SpeedSMS dashboard.',
      secret: true,
    }),
    sender: z.string().trim().default('').meta({
      title: 'Sender',
      description:
        'Brand name for type 3, or the Android gateway device for type 5; unused for types 2 and 4.',
    }),
    smsType: z.literal([2, 3, 4, 5]).meta({
      title: 'Message type',
      description: '2 random number, 3 brand name, 4 default brand name (Verify/Notify), 5 Android gateway.',
    }),
    baseUrl: z
      .url({ protocol: /^https?$/ })
      .default(SPEEDSMS_DEFAULT_BASE_URL)
      .meta({
        title: 'API base URL',
        description: 'Replaces https://api.speedsms.vn/index.php (for the provider sandbox).',
      }),
  })
  .superRefine((account, context) => {
    if ((account.smsType === 3 || account.smsType === 5) && account.sender === '') {
      context.addIssue({
        code: 'custom',
        path: ['sender'],
        message: 'sender is required for brand-name (3) and Android gateway (5) messages',
      });
    }
  })
  .meta({ title: 'SpeedSMS account', description: 'Vietnamese SMS through SpeedSMS.vn.' });

export type SpeedSmsAccountInput = z.input<typeof SpeedSmsAccountSchema>;
export type SpeedSmsAccount = z.output<typeof SpeedSmsAccountSchema>;
