import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { EventsModule } from '../events/events.module';
import { TemplatesModule } from '../templates/templates.module';
import { MessageCosts } from './costs/message-cost';
import { SyncedZnsTemplatePrices, ZNS_TEMPLATE_PRICES } from './costs/zns-template-prices';
import { LedgerReceipts } from './ledger-receipts';
import { ReceiptInsertBatcher } from './receipt-insert-batcher';
import { ReceiptProcessing } from './receipt-processing.service';
import { ReceiptProcessor } from './receipt.processor';
import { WEBHOOK_RECEIPTS_QUEUE } from './receipt-queue';
import { ReceiptStore } from './receipt-store';
import { ReceiptSweeper } from './receipt-sweeper';
import { WebhookAccounts } from './webhook-accounts';
import { WebhooksController } from './webhooks.controller';
import { ZaloAudience } from './zalo-audience';
import { SyncOneZnsTemplate, ZNS_TEMPLATE_RESYNC } from './zns-template-resync';

/** Provider webhooks and receipts (issue 9 §4). `ReceiptProcessing.applyWaiting` is for the send service. */
@Module({
  imports: [
    BullModule.registerQueue({ name: WEBHOOK_RECEIPTS_QUEUE }),
    ChannelsModule,
    EventsModule,
    TemplatesModule,
  ],
  controllers: [WebhooksController],
  providers: [
    WebhookAccounts,
    ReceiptInsertBatcher,
    ReceiptStore,
    ReceiptProcessing,
    ReceiptProcessor,
    ReceiptSweeper,
    LedgerReceipts,
    MessageCosts,
    ZaloAudience,
    { provide: ZNS_TEMPLATE_PRICES, useClass: SyncedZnsTemplatePrices },
    { provide: ZNS_TEMPLATE_RESYNC, useClass: SyncOneZnsTemplate },
  ],
  exports: [ReceiptProcessing],
})
export class WebhooksModule {}
