import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { ContactsService } from '../../contacts/contacts.service';
import { UnsubscribeTokens } from './unsubscribe-tokens';

export type UnsubscribeState = 'subscribed' | 'unsubscribed' | 'unknown_token';

/** RFC 8058 one-click unsubscribe: a token names a contact; using it withdraws e-mail consent at once. */
@Injectable()
export class UnsubscribeService {
  constructor(
    private readonly tokens: UnsubscribeTokens,
    private readonly contacts: ContactsService,
    private readonly audit: AuditService,
  ) {}

  async state(token: string): Promise<UnsubscribeState> {
    const found = await this.tokens.find(token);
    if (!found) return 'unknown_token';
    return found.usedAt ? 'unsubscribed' : 'subscribed';
  }

  /** Withdraws the contact's e-mail consent and records who (the link) and when; repeating it changes nothing. */
  async unsubscribe(token: string): Promise<UnsubscribeState> {
    const found = await this.tokens.find(token);
    if (!found) return 'unknown_token';
    await this.contacts.patch({
      workspaceId: found.workspaceId,
      contactId: found.contactId,
      write: { consents: { email: { state: 'denied', source: 'one_click_unsubscribe' } } },
    });
    if (!found.usedAt)
      await this.audit.record({
        workspaceId: found.workspaceId,
        actor: { kind: 'system' },
        action: 'contact.unsubscribed',
        targetKind: 'contact',
        targetId: found.contactId,
        details: { channel: 'email', via: 'one_click_unsubscribe' },
      });
    await this.tokens.markUsed(token);
    return 'unsubscribed';
  }
}
