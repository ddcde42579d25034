import { Module } from '@nestjs/common';
import { ChannelAccountsController } from './channel-accounts.controller';
import { WebhookUrls } from '../webhooks/webhook-urls';
import { ChannelAccountsService } from './channel-accounts.service';
import { ConnectionTestService } from './connection-test.service';
import { ZaloAccess } from './zalo/zalo-access.service';
import { ZaloConnectService } from './zalo/zalo-connect.service';
import { ZaloController } from './zalo/zalo.controller';
import { ZnsTemplatesController } from './zalo/zns-templates.controller';
import { ZnsTemplatesService } from './zalo/zns-templates.service';

/** Channel accounts (issue 9 §1): the provider accounts messages leave from; Zalo OA connection and ZNS templates. */
@Module({
  controllers: [ChannelAccountsController, ZaloController, ZnsTemplatesController],
  providers: [
    ChannelAccountsService,
    ConnectionTestService,
    ZaloAccess,
    ZaloConnectService,
    ZnsTemplatesService,
    WebhookUrls,
  ],
  exports: [ChannelAccountsService, ZaloAccess, ZnsTemplatesService, WebhookUrls],
})
export class ChannelsModule {}
