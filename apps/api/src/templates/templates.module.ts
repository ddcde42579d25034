import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ChannelsModule } from '../channels/channels.module';
import { EmailTemplatesController } from './email-templates.controller';
import { EmailTemplatesService } from './email-templates.service';
import { MappingTargetsController } from './mapping-targets/mapping-targets.controller';
import { MappingTargetsService } from './mapping-targets/mapping-targets.service';
import { SmsPricesController } from './sms-pricing/sms-prices.controller';
import { SmsPricesService } from './sms-pricing/sms-prices.service';
import { SmsTemplatesController } from './sms-templates.controller';
import { SmsTemplatesService } from './sms-templates.service';
import { TemplatePreviewsService } from './template-previews.service';

/**
 * Templates kept in Loa (issue 9 §2): e-mail templates and SMS texts with previews rendered by the engine's
 * personalisation, SMS prices per account, and the targets a template param can be mapped to.
 */
@Module({
  imports: [AuditModule, ChannelsModule],
  controllers: [
    MappingTargetsController,
    EmailTemplatesController,
    SmsTemplatesController,
    SmsPricesController,
  ],
  providers: [
    EmailTemplatesService,
    SmsTemplatesService,
    TemplatePreviewsService,
    SmsPricesService,
    MappingTargetsService,
  ],
  exports: [EmailTemplatesService, SmsTemplatesService, TemplatePreviewsService, SmsPricesService],
})
export class TemplatesModule {}
