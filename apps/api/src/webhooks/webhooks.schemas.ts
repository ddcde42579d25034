import { z } from 'zod';

export const webhookAccountParamsSchema = z.object({ accountId: z.uuid() });
export type WebhookAccountParams = z.infer<typeof webhookAccountParamsSchema>;

export const esmsCallbackQuerySchema = z.looseObject({
  token: z
    .string()
    .optional()
    .describe('The per-account token of the callback URL (see the account webhookUrl)'),
  SMSID: z.string().optional(),
  SendStatus: z.string().optional(),
  RequestId: z.string().optional(),
});

export const webhookAckSchema = z.object({ received: z.literal(true) });
