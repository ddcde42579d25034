import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ContactChanges } from '../contacts/contact-changes';
import { ContactsService } from '../contacts/contacts.service';
import { EventIngestEnqueuer } from '../events/event-ingest.enqueuer';
import type { NewEventRow } from '../events/event-row';
import { EventStore } from '../events/event-store';
import type { ZaloAudienceEvent } from './receipt-action';
import { applySubmittedInfo, type SubmittedInfoOutcome } from './zalo-submitted-info';

/** The contact event each Zalo audience event becomes in the event stream (journeys wait on these names). */
export const ZALO_EVENT_NAMES: Record<ZaloAudienceEvent['type'], string> = {
  follow: 'zalo.follow',
  unfollow: 'zalo.unfollow',
  message_received: 'zalo.message_received',
  user_submit_info: 'zalo.user_submit_info',
};

/**
 * Zalo users acting on an OA: follow / unfollow set the contact's Zalo identity (per OA) and follower state, a
 * `user_submit_info` links the Zalo user to the contact with that phone and fills the name, phone and address it
 * lacks, never taking a contact over (zalo-submitted-info.ts), and
 * each of them (and every message a user sends) is stored as a contact event. The event carries the anonymousId
 * `zalo:{oaId}:{userId}`, mapped to the contact, so event processing attaches it like any other.
 */
@Injectable()
export class ZaloAudience {
  constructor(
    private readonly db: DataSource,
    private readonly contacts: ContactsService,
    private readonly changes: ContactChanges,
    private readonly events: EventStore,
    private readonly enqueuer: EventIngestEnqueuer,
  ) {}

  async record(input: {
    workspaceId: string;
    accountId: string;
    event: ZaloAudienceEvent;
  }): Promise<SubmittedInfoOutcome> {
    const { event, workspaceId } = input;
    const outcome = await this.upsertContact(workspaceId, event);
    const { contactId } = outcome;
    if (event.type === 'follow' || event.type === 'unfollow')
      await this.setFollower(workspaceId, contactId, event);
    await this.db.query(
      `UPDATE contact_identities SET last_interaction_at = GREATEST(last_interaction_at, $4), updated_at = now()
        WHERE workspace_id = $1 AND kind = 'zalo' AND oa_id = $2 AND external_user_id = $3`,
      [workspaceId, event.oaId, event.userId, event.type === 'unfollow' ? null : event.at],
    );
    const anonymousId = `zalo:${event.oaId}:${event.userId}`;
    await this.db.query(
      `INSERT INTO event_anonymous_ids (workspace_id, anonymous_id, contact_id) VALUES ($1, $2, $3)
       ON CONFLICT (workspace_id, anonymous_id) DO UPDATE SET contact_id = EXCLUDED.contact_id`,
      [workspaceId, anonymousId, contactId],
    );
    const stored = await this.events.insert([
      eventRow({ ...input, anonymousId, notWritten: outcome.notWritten }),
    ]);
    this.enqueuer.notify(stored);
    return outcome;
  }

  /**
   * Follower state from the newest follow or unfollow by Zalo's clock: receipts are processed concurrently, so an
   * older event that is processed later must not undo a newer one.
   */
  private async setFollower(
    workspaceId: string,
    contactId: string,
    event: { type: 'follow' | 'unfollow'; oaId: string; userId: string; at: Date },
  ): Promise<void> {
    const follower = event.type === 'follow';
    const changed = (await this.db.query(
      `WITH changed AS (
         UPDATE contact_identities
            SET follower = $4, followed_at = CASE WHEN $4 THEN $5 ELSE followed_at END,
                follower_changed_at = $5, updated_at = now()
          WHERE workspace_id = $1 AND kind = 'zalo' AND oa_id = $2 AND external_user_id = $3
            AND (follower_changed_at IS NULL OR follower_changed_at < $5)
          RETURNING id)
       SELECT id FROM changed`,
      [workspaceId, event.oaId, event.userId, follower, event.at],
    )) as unknown[];
    if (changed.length > 0)
      await this.changes.changed({ workspaceId, contactIds: [contactId], cause: 'contact' });
  }

  private async upsertContact(workspaceId: string, event: ZaloAudienceEvent): Promise<SubmittedInfoOutcome> {
    const zalo = { oaId: event.oaId, userId: event.userId };
    if (event.type === 'user_submit_info')
      return applySubmittedInfo(
        { db: this.db, contacts: this.contacts },
        { workspaceId, ...zalo, info: event.info },
      );
    const result = await this.contacts.upsert({
      workspaceId,
      match: { zalo },
      write: { zalo: [zalo] },
      mode: 'both',
      cause: 'contact',
    });
    if (!result.contact) throw new Error(`the contact upsert answered ${result.outcome}`);
    return { contactId: result.contact.id, notWritten: [] };
  }
}

function eventRow(input: {
  workspaceId: string;
  accountId: string;
  event: ZaloAudienceEvent;
  anonymousId: string;
  notWritten: string[];
}): NewEventRow {
  const { event } = input;
  const at = event.at.toISOString();
  const base = { oaId: event.oaId, zaloUserId: event.userId, accountId: input.accountId };
  const properties: Record<string, unknown> =
    event.type === 'message_received'
      ? {
          ...base,
          msgId: event.msgId,
          eventName: event.eventName,
          ...(event.text !== undefined ? { text: event.text } : {}),
          attachments: event.attachments,
        }
      : event.type === 'user_submit_info'
        ? { ...base, info: event.info, ...(input.notWritten.length > 0 && { notWritten: input.notWritten }) }
        : { ...base, ...(event.source ? { source: event.source } : {}) };
  const messageId =
    event.type === 'message_received'
      ? `zalo:${event.oaId}:message:${event.msgId}`
      : `zalo:${event.oaId}:${event.type}:${event.userId}:${event.at.getTime()}`;
  return {
    workspace_id: input.workspaceId,
    message_id: messageId,
    type: 'track',
    name: ZALO_EVENT_NAMES[event.type],
    user_id: null,
    anonymous_id: input.anonymousId,
    properties,
    traits: {},
    context: { source: 'zalo_webhook' },
    timestamp: at,
    original_timestamp: null,
    sent_at: null,
    received_at: new Date().toISOString(),
  };
}
