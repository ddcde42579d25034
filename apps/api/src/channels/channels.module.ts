import { Module } from '@nestjs/common';
import { ChannelAccountsController } from './channel-accounts.controller';
import { ChannelAccountsService } from './channel-accounts.service';

/** Channel accounts (issue 9 §1): the provider accounts messages leave from. */
@Module({
  controllers: [ChannelAccountsController],
  providers: [ChannelAccountsService],
  exports: [ChannelAccountsService],
})
export class ChannelsModule {}
