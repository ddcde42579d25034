import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import { Access } from '../auth/access';
import { CurrentPrincipal, type UserPrincipal } from '../auth/principal';
import { ChannelAccountsService } from '../channels/channel-accounts.service';
import { CHANNEL_KIND_SPECS } from '../channels/channel-kinds';
import { Endpoint } from '../http/endpoint.decorator';
import { ProblemException, problems } from '../http/problem';
import { SendError } from './send-errors';
import type { MessageContent } from './send-message.types';
import { SendService } from './send.service';

const bodySchema = z
  .object({
    to: z
      .string()
      .trim()
      .min(3)
      .max(254)
      .meta({ description: 'Phone (SMS, ZNS), e-mail address or Zalo user id' }),
    text: z
      .string()
      .min(1)
      .max(1000)
      .optional()
      .meta({ description: 'SMS or OA text; a default test text when absent' }),
    subject: z.string().min(1).max(200).optional(),
    templateId: z.string().min(1).max(50).optional().meta({ description: 'ZNS: the template to send' }),
    templateData: z.record(z.string(), z.string().max(500)).optional(),
    channel: z.enum(['sms', 'email', 'zns', 'zalo_oa']).optional().meta({
      description: "Which of the account's channels (default: its first; a Zalo OA account: zns)",
    }),
  })
  .strict();

const resultSchema = z
  .object({
    status: z.enum(['sent', 'failed', 'blocked', 'deferred']),
    messageId: z.uuid().optional(),
    providerMessageId: z.string().optional(),
    errorCode: z.string().optional(),
    errorMessage: z.string().optional(),
    reason: z.string().optional(),
    retryAtMs: z.number().optional(),
  })
  .meta({ id: 'TestMessageResult' });

const DEFAULT_TEXT = 'Loa test message';

/** "Send a test message to this phone / e-mail" for a channel account, through the send service and its ledger. */
@Controller('channel-accounts')
export class TestMessageController {
  constructor(
    private readonly sends: SendService,
    private readonly accounts: ChannelAccountsService,
  ) {}

  @Post(':id/test-message')
  @HttpCode(200)
  @Endpoint({
    summary: 'Send a test message from this account (transactional, recorded in the ledger)',
    tags: ['Channel accounts'],
    access: Access.admin,
    params: z.object({ id: z.uuid() }),
    body: bodySchema,
    response: resultSchema,
    responses: { 503: { description: 'The provider could not take it now; try again' } },
  })
  async testMessage(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param() params: { id: string },
    @Body() body: z.infer<typeof bodySchema>,
  ) {
    const account = await this.accounts.get(principal.workspaceId, params.id);
    const channel = body.channel ?? CHANNEL_KIND_SPECS[account.kind].channels[0];
    if (!account.channels.includes(channel))
      throw problems.field('body', 'channel', `a ${account.kind} account does not send ${channel} messages`);
    const content = this.content(channel, body);
    try {
      return await this.sends.send({
        workspaceId: principal.workspaceId,
        accountId: account.id,
        idempotencyKey: `test:${randomUUID()}`,
        purpose: 'transactional',
        to: body.to,
        content,
      });
    } catch (error) {
      if (error instanceof SendError)
        throw new ProblemException(
          503,
          `The provider did not take the message: ${error.message} (${error.code})`,
        );
      throw error;
    }
  }

  private content(channel: MessageContent['channel'], body: z.infer<typeof bodySchema>): MessageContent {
    switch (channel) {
      case 'sms':
        return { channel, text: body.text ?? DEFAULT_TEXT };
      case 'zalo_oa':
        return { channel, text: body.text ?? DEFAULT_TEXT };
      case 'email':
        return { channel, subject: body.subject ?? DEFAULT_TEXT, text: body.text ?? DEFAULT_TEXT };
      case 'zns':
        if (!body.templateId)
          throw problems.field('body', 'templateId', 'a ZNS test message needs a templateId');
        return { channel, templateId: body.templateId, templateData: body.templateData ?? {} };
    }
  }
}
