import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type ContactChange, ContactChanges } from '../contacts/contact-changes';

/**
 * An anonymousId is a device identifier, so erasing a contact also forgets which anonymousIds led to it; later
 * events from that device start without a contact.
 */
@Injectable()
export class ForgetErasedAnonymousIds implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ForgetErasedAnonymousIds.name);
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly changes: ContactChanges,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.changes.subscribe((change) => this.forget(change));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  async forget(change: ContactChange): Promise<void> {
    if (change.cause !== 'erase') return;
    try {
      await this.dataSource.query(
        'DELETE FROM event_anonymous_ids WHERE workspace_id = $1 AND contact_id = ANY($2::uuid[])',
        [change.workspaceId, change.contactIds],
      );
    } catch (error) {
      this.logger.error('Could not forget the anonymousIds of erased contacts', {
        workspaceId: change.workspaceId,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
