import { Injectable } from '@nestjs/common';
import { personalisationScope } from '@loa/engine';
import { DataSource } from 'typeorm';
import { workspaceTimezone } from '../contacts/contact-store';
import { ContactsService } from '../contacts/contacts.service';
import { personalisationContactOf } from './personalisation-contact';
import { renderEmailTemplate, type EmailTemplateContent } from './render-email-template';
import { renderSmsTemplate, type SmsTemplateContent } from './render-sms-template';
import { smsCostEstimate } from './sms-pricing/sms-price';
import { SmsPricesService } from './sms-pricing/sms-prices.service';

const DEFAULT_TIMEZONE = 'Asia/Ho_Chi_Minh';

export interface PreviewSubject {
  contactId?: string;
  event?: Record<string, unknown>;
}

/** Templates rendered by the engine's personalisation for a chosen contact and sample event, without sending. */
@Injectable()
export class TemplatePreviewsService {
  constructor(
    private readonly db: DataSource,
    private readonly contacts: ContactsService,
    private readonly prices: SmsPricesService,
  ) {}

  async email(workspaceId: string, content: EmailTemplateContent, subject: PreviewSubject) {
    const { scope, timezone, contact } = await this.scopeFor(workspaceId, subject);
    return { ...renderEmailTemplate(content, scope, timezone), contact };
  }

  async sms(
    workspaceId: string,
    content: SmsTemplateContent,
    subject: PreviewSubject & { accountId?: string },
  ) {
    const price = subject.accountId
      ? await this.prices.smsPriceOf(workspaceId, subject.accountId, 'accountId')
      : undefined;
    const { scope, timezone, contact } = await this.scopeFor(workspaceId, subject);
    const rendered = renderSmsTemplate(content, scope, timezone);
    return {
      ...rendered,
      advertising: content.advertising,
      cost: price ? smsCostEstimate(rendered.segments, price) : null,
      contact,
    };
  }

  private async scopeFor(workspaceId: string, subject: PreviewSubject) {
    const timezone = (await workspaceTimezone(this.db.manager, workspaceId)) ?? DEFAULT_TIMEZONE;
    const contact = subject.contactId ? await this.contacts.get(workspaceId, subject.contactId) : undefined;
    const scope = personalisationScope({
      contact: contact ? personalisationContactOf(contact) : { id: '', attributes: {}, tags: [] },
      event: subject.event ?? {},
    });
    return { scope, timezone, contact: contact ? { id: contact.id, name: contact.name } : null };
  }
}
