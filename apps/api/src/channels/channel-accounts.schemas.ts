import { z } from 'zod';
import { CHANNEL_KINDS, channelKindSchema, MESSAGE_CHANNELS } from './channel-kinds';

export const CHANNEL_ACCOUNT_STATUSES = ['connected', 'not_connected', 'needs_reconnect'] as const;

const name = z.string().trim().min(1, 'is required').max(100);
const config = z
  .record(z.string(), z.unknown())
  .describe(
    "The account's settings and secrets, as the kind's schema in the connectors package describes them",
  );

export const createChannelAccountBodySchema = z.object({
  kind: channelKindSchema,
  name,
  config,
});

export const updateChannelAccountBodySchema = z
  .object({
    name: name.optional(),
    config: config.optional().describe('The whole configuration; secrets left out keep their stored values'),
    disabled: z.boolean().optional().describe('A disabled account sends nothing until enabled again'),
    sendRatePerSecond: z
      .number()
      // stored with three decimals: anything smaller would be stored as 0
      .min(0.001, 'must be at least 0.001')
      .max(10_000)
      .nullable()
      .optional()
      .describe(
        "Messages per second from this account, shared by every process; null = the provider's default",
      ),
  })
  .refine((body) => Object.keys(body).length > 0, {
    message: 'name, config, disabled or sendRatePerSecond is required',
  });

export const channelAccountSchema = z.object({
  id: z.uuid(),
  kind: z.enum(CHANNEL_KINDS),
  name: z.string(),
  channels: z.array(z.enum(MESSAGE_CHANNELS)),
  status: z
    .enum(CHANNEL_ACCOUNT_STATUSES)
    .describe('not_connected: a Zalo OA waiting for the OAuth grant; needs_reconnect: its grant is dead'),
  disabled: z.boolean(),
  sendRatePerSecond: z
    .number()
    .nullable()
    .describe("The account's own send-rate limit (messages per second); null = the provider's default"),
  defaultSendRatePerSecond: z
    .number()
    .describe("The provider's default send rate (messages per second), used while sendRatePerSecond is null"),
  statusDetail: z.string().nullable(),
  /** The provider's name for the account (the Zalo OA's name), once known. */
  providerName: z.string().nullable(),
  testing: z.boolean().describe("In the provider's test mode (ZNS development mode, eSMS Sandbox)"),
  settings: z.record(z.string(), z.unknown()).describe('The configuration without its secrets'),
  secretsSet: z.array(z.string()).describe('Which secret fields hold a value (never the values)'),
  lastTest: z.object({ at: z.string(), ok: z.boolean(), detail: z.string().nullable() }).nullable(),
  webhookUrl: z
    .string()
    .nullable()
    .describe(
      'Where the provider sends receipts and events (paste it into the Zalo developer console), built from LOA_PUBLIC_API_URL (the token of an eSMS URL only for admins); null for kinds without webhooks',
    ),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const channelAccountListSchema = z.object({ items: z.array(channelAccountSchema) });
export const channelAccountIdParamsSchema = z.object({ id: z.uuid() });

export type ChannelAccountView = z.infer<typeof channelAccountSchema>;
