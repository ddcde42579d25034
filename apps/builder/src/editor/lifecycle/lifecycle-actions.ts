import { can } from '../../auth/permissions';
import type { Role } from '../../auth/session';

export type CampaignState = 'draft' | 'pending_approval' | 'active' | 'paused' | 'stopped' | 'archived';
export type LifecycleAction = 'submit' | 'publish' | 'approve' | 'reject' | 'pause' | 'resume' | 'stop';

export interface LifecycleSituation {
  state: CampaignState;
  approvalStatus: 'pending' | 'rejected' | null;
  role: Role;
  /** The workspace's setting; undefined while it loads (submit and publish stay hidden until it is known). */
  approvalRequired: boolean | undefined;
  /** The signed-in admin is the workspace's only active admin; undefined when unknown (not an admin, loading). */
  soleAdmin: boolean | undefined;
  /** The pending submission is the signed-in user's own (the API lets them approve it only as the sole admin). */
  submittedByMe?: boolean;
}

/** States whose draft can go live (the API's TRANSITIONS for submit and publish). */
const PUBLISHABLE: readonly CampaignState[] = ['draft', 'active', 'paused'];
const DECIDABLE: readonly CampaignState[] = ['pending_approval', 'active', 'paused'];

/**
 * The lifecycle actions the signed-in role may take on the campaign as it is, in the order the bar shows them; the
 * same rules as the API's (apps/api/README.md, Campaigns), which refuses anything else anyway.
 */
export function availableActions(situation: LifecycleSituation): LifecycleAction[] {
  const { state, approvalStatus, role, approvalRequired, soleAdmin, submittedByMe } = situation;
  const pending = approvalStatus === 'pending';
  const actions: LifecycleAction[] = [];
  const canGoLive = PUBLISHABLE.includes(state) && !pending && approvalRequired !== undefined;
  const publishesDirectly = approvalRequired === false || (role === 'admin' && soleAdmin === true);
  if (canGoLive && can(role, 'campaign.publish') && publishesDirectly) actions.push('publish');
  else if (canGoLive && approvalRequired && can(role, 'campaign.submit')) actions.push('submit');
  if (pending && DECIDABLE.includes(state) && can(role, 'campaign.decide')) {
    // Approving one's own submission waits for another admin; rejecting it (withdrawing) stays possible.
    if (!submittedByMe || soleAdmin === true) actions.push('approve');
    actions.push('reject');
  }
  if (can(role, 'campaign.operate')) {
    if (state === 'active') actions.push('pause');
    if (state === 'paused') actions.push('resume');
    if (state === 'active' || state === 'paused') actions.push('stop');
  }
  return actions;
}

/** A live campaign's submit and publish send a new version of a running journey, so the bar says so. */
export function isLive(state: CampaignState): boolean {
  return state === 'active' || state === 'paused';
}
