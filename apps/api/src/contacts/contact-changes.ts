import { Injectable } from '@nestjs/common';

/** Why a contact changed: the segments module re-evaluates membership for these contacts. */
export type ContactChangeCause = 'contact' | 'event' | 'merge' | 'erase' | 'import';

export interface ContactChange {
  workspaceId: string;
  contactIds: string[];
  cause: ContactChangeCause;
}

type Listener = (change: ContactChange) => Promise<void> | void;

/**
 * In-process notice, sent after a write has committed, that some contacts (or their events) changed. Writers call
 * `changed`; readers that keep derived state current (segment membership) `subscribe`. A listener that fails is
 * logged by its owner; it never fails the write that is already committed.
 */
@Injectable()
export class ContactChanges {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async changed(change: ContactChange): Promise<void> {
    if (change.contactIds.length === 0) return;
    await Promise.allSettled([...this.listeners].map(async (listener) => listener(change)));
  }
}
