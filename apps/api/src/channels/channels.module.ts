import { Module } from '@nestjs/common';
import { ChannelAccountsController } from './channel-accounts.controller';
import { WebhookUrls } from '../webhooks/webhook-urls';
import { ChannelAccountsService } from './channel-accounts.service';

/** Channel accounts (issue 9 §1): the provider accounts messages leave from. */
@Module({
  controllers: [ChannelAccountsController],
  providers: [ChannelAccountsService, WebhookUrls],
  exports: [ChannelAccountsService, WebhookUrls],
})
export class ChannelsModule {}
