import type { EntityManager } from 'typeorm';

/**
 * The part of the contacts module ingestion needs (`ContactsService.upsert`), named here so that processing
 * depends on what it calls and nothing more.
 */
export interface ContactUpserter {
  upsert(input: {
    workspaceId: string;
    match: { externalId?: string; phone?: string; email?: string };
    write: { name?: string; phone?: string; email?: string; attributes?: Record<string, unknown> };
    mode: 'create' | 'update' | 'both';
    cause: 'event';
    manager?: EntityManager;
    notify?: boolean;
  }): Promise<{ outcome: string; contact?: { id: string } }>;
}

export const CONTACT_UPSERTER = Symbol('CONTACT_UPSERTER');
