import { problems } from '../http/problem';
import type { CampaignState } from './campaign.schemas';

/**
 * The state changes a campaign allows, by the action that makes them. `publish` and `approve` keep a live
 * campaign's state (a new version of an active campaign stays active, of a paused one stays paused).
 */
export const TRANSITIONS = {
  submit: { draft: 'pending_approval', active: 'active', paused: 'paused' },
  approve: { pending_approval: 'active', active: 'active', paused: 'paused' },
  reject: { pending_approval: 'draft', active: 'active', paused: 'paused' },
  publish: { draft: 'active', active: 'active', paused: 'paused' },
  pause: { active: 'paused' },
  resume: { paused: 'active' },
  stop: { active: 'stopped', paused: 'stopped' },
  archive: { draft: 'archived', stopped: 'archived' },
} as const satisfies Record<string, Partial<Record<CampaignState, CampaignState>>>;

export type CampaignAction = keyof typeof TRANSITIONS;

/** States whose draft may be edited: not while a submission waits, nor once the campaign is over. */
export const EDITABLE_STATES: readonly CampaignState[] = ['draft', 'active', 'paused'];

/** The state `action` leads to from `state`, or a 409 naming the current state. */
export function nextState(action: CampaignAction, state: CampaignState): CampaignState {
  const next = (TRANSITIONS[action] as Partial<Record<CampaignState, CampaignState>>)[state];
  if (next === undefined) {
    const allowed = Object.keys(TRANSITIONS[action]).join(', ');
    throw problems.conflict(`A campaign that is ${state} cannot ${action} (it can from: ${allowed})`, {
      type: 'urn:loa:problem:campaign-state',
      state,
    });
  }
  return next;
}
