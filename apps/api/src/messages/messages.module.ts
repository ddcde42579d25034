import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ChannelsModule } from '../channels/channels.module';
import { ContactsModule } from '../contacts/contacts.module';
import { MessagesController } from './messages.controller';
import { SendRecoveryService } from './send-recovery.service';
import { SendService } from './send.service';
import { TestMessageController } from './test-message.controller';
import { UnsubscribeTokens } from './unsubscribe/unsubscribe-tokens';
import { UnsubscribeController } from './unsubscribe/unsubscribe.controller';
import { UnsubscribeService } from './unsubscribe/unsubscribe.service';

/** The send service and its ledger (issue 9 §3): guards, send-rate limits, recovery, unsubscribe, GET /messages. */
@Module({
  imports: [ChannelsModule, ContactsModule],
  controllers: [MessagesController, TestMessageController, UnsubscribeController],
  providers: [
    SendService,
    SendRecoveryService,
    UnsubscribeService,
    {
      provide: UnsubscribeTokens,
      inject: [DataSource],
      useFactory: (db: DataSource) => new UnsubscribeTokens(db),
    },
  ],
  exports: [SendService, SendRecoveryService],
})
export class MessagesModule {}
