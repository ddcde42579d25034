import type { EntityManager } from 'typeorm';
import { identityLockValues, lockIdentityValues } from '../contacts/contact-store';
import { ProblemException } from '../http/problem';
import type { ContactUpserter } from './contact-upserter';
import { type ContactWriteFromTraits, contactWriteFromTraits } from './identify-traits';

/** A stored event as processing reads it. */
export interface UnprocessedEvent {
  seq: string;
  type: 'track' | 'identify';
  user_id: string | null;
  anonymous_id: string | null;
  traits: Record<string, unknown>;
}

type ContactKeys = { externalId?: string; phone?: string; email?: string };

const MAX_MERGE_HOPS = 10;

/**
 * Finds (or creates) the contact of each event of one workspace inside the processing transaction, remembering
 * what it found for the rest of the job:
 * - `userId` is the contact's external id; a track creates the contact when it is new, an identify also writes
 *   its traits (`ContactsService.upsert`, which normalises and checks them).
 * - `anonymousId` alone finds the contact it was last seen with. An event with `userId` and `anonymousId` links
 *   the two, and earlier anonymous events with no contact yet are attached to it (`linked`).
 * - An anonymous identify writes its traits to that contact; when there is none yet and the traits carry an
 *   e-mail or phone, it finds or creates the contact by them.
 */
export class EventContactResolution {
  private readonly byUserId = new Map<string, string>();
  private readonly byAnonymousId = new Map<string, string | null>();
  /** anonymousIds linked to a contact by this job. */
  readonly linked = new Map<string, string>();

  constructor(
    private readonly manager: EntityManager,
    private readonly contacts: ContactUpserter,
    private readonly workspaceId: string,
  ) {}

  /** Looks up, in two queries, the contacts of every userId and anonymousId of a job's events. */
  async prefetch(events: UnprocessedEvent[]): Promise<void> {
    const userIds = [...new Set(events.flatMap((event) => (event.user_id === null ? [] : [event.user_id])))];
    const anonymousIds = [
      ...new Set(events.flatMap((event) => (event.anonymous_id === null ? [] : [event.anonymous_id]))),
    ];
    if (userIds.length > 0) {
      const rows: { id: string; external_id: string }[] = await this.manager.query(
        `SELECT id, external_id FROM contacts
          WHERE workspace_id = $1 AND external_id = ANY($2::text[]) AND merged_into IS NULL`,
        [this.workspaceId, userIds],
      );
      for (const row of rows) this.byUserId.set(row.external_id, row.id);
      await this.createTrackedUsers(events);
    }
    if (anonymousIds.length > 0) {
      const rows: { anonymous_id: string; contact_id: string; live: boolean }[] = await this.manager.query(
        `SELECT a.anonymous_id, a.contact_id, (c.merged_into IS NULL AND c.erased_at IS NULL) AS live
           FROM event_anonymous_ids a JOIN contacts c ON c.id = a.contact_id
          WHERE a.workspace_id = $1 AND a.anonymous_id = ANY($2::text[])`,
        [this.workspaceId, anonymousIds],
      );
      const mapped = new Set(rows.map((row) => row.anonymous_id));
      for (const anonymousId of anonymousIds)
        if (!mapped.has(anonymousId)) this.byAnonymousId.set(anonymousId, null);
      // A merged or erased contact is followed one event at a time (`survivorOf`).
      for (const row of rows) if (row.live) this.byAnonymousId.set(row.anonymous_id, row.contact_id);
    }
  }

  /**
   * Creates, in one statement, the contacts of track events whose userId is new: such a contact has only its
   * external id, so the full upsert (one savepoint and several queries per contact) is not needed. It takes the
   * contacts module's identity locks first, as an upsert would.
   */
  private async createTrackedUsers(events: UnprocessedEvent[]): Promise<void> {
    const missing = [
      ...new Set(
        events.flatMap((event) =>
          event.type === 'track' && event.user_id !== null && !this.byUserId.has(event.user_id)
            ? [event.user_id]
            : [],
        ),
      ),
    ];
    if (missing.length === 0) return;
    await lockIdentityValues(
      this.manager,
      this.workspaceId,
      missing.flatMap((externalId) => identityLockValues({ externalId })),
    );
    const created: { id: string; external_id: string }[] = await this.manager.query(
      `INSERT INTO contacts (workspace_id, external_id) SELECT $1, external_id FROM unnest($2::text[]) AS external_id
       ON CONFLICT (workspace_id, external_id) WHERE external_id IS NOT NULL DO NOTHING
       RETURNING id, external_id`,
      [this.workspaceId, missing],
    );
    for (const row of created) this.byUserId.set(row.external_id, row.id);
  }

  async resolve(event: UnprocessedEvent): Promise<string | null> {
    const write = event.type === 'identify' ? contactWriteFromTraits(event.traits) : undefined;
    let contactId: string | null = null;
    if (event.user_id !== null) {
      contactId = await this.contactOfUser(event.user_id, write);
    } else if (event.anonymous_id !== null) {
      contactId = await this.contactOfAnonymous(event.anonymous_id);
      if (write) {
        const ownKeys = contactId ? await this.keysOf(contactId) : undefined;
        contactId = (await this.upsert((attempt) => ownKeys ?? keysFromTraits(attempt), write)) ?? contactId;
      }
    }
    if (contactId !== null && event.anonymous_id !== null) await this.link(event.anonymous_id, contactId);
    return contactId;
  }

  private async contactOfUser(
    userId: string,
    write: ContactWriteFromTraits | undefined,
  ): Promise<string | null> {
    if (!write) {
      const known = this.byUserId.get(userId) ?? (await this.findByExternalId(userId));
      if (known) {
        this.byUserId.set(userId, known);
        return known;
      }
    }
    const contactId = await this.upsert(() => ({ externalId: userId }), write ?? { attributes: {} });
    if (contactId) this.byUserId.set(userId, contactId);
    return contactId;
  }

  private async contactOfAnonymous(anonymousId: string): Promise<string | null> {
    if (this.byAnonymousId.has(anonymousId)) return this.byAnonymousId.get(anonymousId) ?? null;
    const rows: { contact_id: string }[] = await this.manager.query(
      'SELECT contact_id FROM event_anonymous_ids WHERE workspace_id = $1 AND anonymous_id = $2',
      [this.workspaceId, anonymousId],
    );
    const contactId = rows[0] ? await this.survivorOf(rows[0].contact_id) : null;
    this.byAnonymousId.set(anonymousId, contactId);
    return contactId;
  }

  private async link(anonymousId: string, contactId: string): Promise<void> {
    if ((await this.contactOfAnonymous(anonymousId)) !== null) return;
    await this.manager.query(
      `INSERT INTO event_anonymous_ids (workspace_id, anonymous_id, contact_id) VALUES ($1, $2, $3)
       ON CONFLICT (workspace_id, anonymous_id) DO NOTHING`,
      [this.workspaceId, anonymousId, contactId],
    );
    this.byAnonymousId.set(anonymousId, contactId);
    this.linked.set(anonymousId, contactId);
  }

  private async findByExternalId(externalId: string): Promise<string | null> {
    const rows: { id: string }[] = await this.manager.query(
      'SELECT id FROM contacts WHERE workspace_id = $1 AND external_id = $2 AND merged_into IS NULL',
      [this.workspaceId, externalId],
    );
    return rows[0]?.id ?? null;
  }

  /** A merged contact's events belong to the contact it was merged into. */
  private async survivorOf(contactId: string): Promise<string | null> {
    let current = contactId;
    for (let hop = 0; hop < MAX_MERGE_HOPS; hop++) {
      const rows: { merged_into: string | null; erased_at: Date | null }[] = await this.manager.query(
        'SELECT merged_into, erased_at FROM contacts WHERE id = $1 AND workspace_id = $2',
        [current, this.workspaceId],
      );
      const row = rows[0];
      if (!row || row.erased_at !== null) return null;
      if (row.merged_into === null) return current;
      current = row.merged_into;
    }
    return current;
  }

  private async keysOf(contactId: string): Promise<ContactKeys | undefined> {
    const rows: { external_id: string | null; phone: string | null; email: string | null }[] =
      await this.manager.query('SELECT external_id, phone, email FROM contacts WHERE id = $1', [contactId]);
    const row = rows[0];
    if (!row) return undefined;
    if (row.external_id) return { externalId: row.external_id };
    if (row.phone) return { phone: row.phone };
    return row.email ? { email: row.email } : undefined;
  }

  /**
   * Upserts through the contacts module. Traits it refuses (a phone that is not a Vietnamese mobile, an
   * attribute of the wrong type, an e-mail another contact holds) are dropped rather than losing the event.
   */
  private async upsert(
    matchOf: (write: ContactWriteFromTraits) => ContactKeys | undefined,
    write: ContactWriteFromTraits,
  ): Promise<string | null> {
    let attempt: ContactWriteFromTraits = write;
    for (let tries = 0; tries < 3; tries++) {
      const match = matchOf(attempt);
      if (!match) return null;
      try {
        const result = await this.contacts.upsert({
          workspaceId: this.workspaceId,
          match,
          write: attempt,
          mode: 'both',
          cause: 'event',
          manager: this.manager,
          notify: false,
        });
        return result.contact ? await this.survivorOf(result.contact.id) : null;
      } catch (error) {
        if (!(error instanceof ProblemException) || error.getStatus() >= 500) throw error;
        attempt = withoutRefusedFields(attempt, error);
      }
    }
    return null;
  }
}

function keysFromTraits(write: ContactWriteFromTraits | undefined): ContactKeys | undefined {
  if (!write || (write.email === undefined && write.phone === undefined)) return undefined;
  return {
    ...(write.email === undefined ? {} : { email: write.email }),
    ...(write.phone === undefined ? {} : { phone: write.phone }),
  };
}

/** The write without the fields a refusal named; with none named (say a taken identifier), only the name. */
export function withoutRefusedFields(
  write: ContactWriteFromTraits,
  refusal: ProblemException,
): ContactWriteFromTraits {
  const fields = (refusal.extra.errors ?? []).map((error) => error.field.replace(/^(write|match)\./, ''));
  if (fields.length === 0)
    return { attributes: {}, ...(write.name === undefined ? {} : { name: write.name }) };
  const attributes = { ...write.attributes };
  const kept: ContactWriteFromTraits = { attributes };
  for (const field of fields)
    if (field.startsWith('attributes.')) delete attributes[field.slice('attributes.'.length)];
  if (write.name !== undefined && !fields.includes('name')) kept.name = write.name;
  if (write.phone !== undefined && !fields.includes('phone')) kept.phone = write.phone;
  if (write.email !== undefined && !fields.includes('email')) kept.email = write.email;
  if (fields.includes('attributes')) kept.attributes = {};
  return kept;
}
