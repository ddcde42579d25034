import { Injectable } from '@nestjs/common';

type Listener = (change: { workspaceId: string; segmentIds: string[] }) => Promise<void> | void;

/**
 * In-process notice, after a refresh has committed, that contacts entered some of a workspace's segments (the
 * entries are in `segment_membership_changes`). The segment trigger listens to it.
 */
@Injectable()
export class SegmentMembershipChanges {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async entered(change: { workspaceId: string; segmentIds: string[] }): Promise<void> {
    if (change.segmentIds.length === 0) return;
    await Promise.allSettled([...this.listeners].map(async (listener) => listener(change)));
  }
}
