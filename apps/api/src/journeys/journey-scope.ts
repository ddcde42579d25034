import { Injectable } from '@nestjs/common';
import { type JourneyRef, personalisationScope } from '@loa/engine';
import { DataSource } from 'typeorm';
import { workspaceTimezone } from '../contacts/contact-store';
import { ContactsService } from '../contacts/contacts.service';
import { returnedRows } from '../database/returned-rows';
import { ProblemException } from '../http/problem';
import { personalisationContactOf } from '../templates/personalisation-contact';

const DEFAULT_TIMEZONE = 'Asia/Ho_Chi_Minh';

export type JourneyScope = { scope: object; timezone: string } | { missing: 'contact' };

/**
 * What a journey's Liquid texts see at run time: the contact as stored now and the entry event's properties, with
 * the workspace's timezone (the same scope as template previews and the simulator).
 */
@Injectable()
export class JourneyScopes {
  constructor(
    private readonly db: DataSource,
    private readonly contacts: ContactsService,
  ) {}

  async of(journey: JourneyRef): Promise<JourneyScope> {
    const contact = await this.contacts
      .get(journey.workspaceId, journey.contactId)
      .catch((error: unknown) => {
        if (error instanceof ProblemException && error.getStatus() === 404) return undefined;
        throw error;
      });
    if (!contact) return { missing: 'contact' };
    const timezone = (await workspaceTimezone(this.db.manager, journey.workspaceId)) ?? DEFAULT_TIMEZONE;
    const event = journey.entryEventId ? await this.eventProperties(journey) : undefined;
    const scope = personalisationScope({
      contact: personalisationContactOf(contact),
      ...(event && { event }),
    });
    return { scope, timezone };
  }

  /** The entry event's properties; journeys name it by its id or its message id. */
  private async eventProperties(journey: JourneyRef): Promise<Record<string, unknown> | undefined> {
    const [row] = returnedRows<{ properties: Record<string, unknown> }>(
      await this.db.query(
        `SELECT properties FROM events
         WHERE workspace_id = $1 AND (message_id = $2 OR id::text = $2)
         ORDER BY timestamp DESC LIMIT 1`,
        [journey.workspaceId, journey.entryEventId],
      ),
    );
    return row?.properties;
  }
}
