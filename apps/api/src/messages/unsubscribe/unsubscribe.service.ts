import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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
    private readonly db: DataSource,
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
    const contactId = await this.survivor(found.workspaceId, found.contactId);
    if (!contactId) return 'unknown_token';
    await this.contacts.patch({
      workspaceId: found.workspaceId,
      contactId,
      write: { consents: { email: { state: 'denied', source: 'one_click_unsubscribe' } } },
    });
    if (!found.usedAt)
      await this.audit.record({
        workspaceId: found.workspaceId,
        actor: { kind: 'system' },
        action: 'contact.unsubscribed',
        targetKind: 'contact',
        targetId: contactId,
        details: { channel: 'email', via: 'one_click_unsubscribe' },
      });
    await this.tokens.markUsed(token);
    return 'unsubscribed';
  }

  /** The contact the token's contact was merged into (after any number of merges); undefined once erased. */
  private async survivor(workspaceId: string, contactId: string): Promise<string | undefined> {
    const [row] = (await this.db.query(
      `WITH RECURSIVE chain AS (
         SELECT id, merged_into, 0 AS depth FROM contacts WHERE id = $2 AND workspace_id = $1
         UNION ALL
         SELECT c.id, c.merged_into, chain.depth + 1 FROM contacts c JOIN chain ON c.id = chain.merged_into
          WHERE chain.depth < 20
       ) SELECT id FROM chain WHERE merged_into IS NULL LIMIT 1`,
      [workspaceId, contactId],
    )) as Array<{ id: string }>;
    return row?.id;
  }
}
