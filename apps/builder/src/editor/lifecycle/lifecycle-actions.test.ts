import { availableActions, type LifecycleSituation } from './lifecycle-actions';

const base: LifecycleSituation = {
  state: 'draft',
  approvalStatus: null,
  role: 'marketer',
  approvalRequired: true,
  soleAdmin: undefined,
};
const actions = (change: Partial<LifecycleSituation>) => availableActions({ ...base, ...change });

describe('availableActions', () => {
  it('lets a marketer submit a draft when approval is required, and publish when it is not', () => {
    expect(actions({})).toEqual(['submit']);
    expect(actions({ approvalRequired: false })).toEqual(['publish']);
  });

  it('offers neither submit nor publish until the workspace setting is known', () => {
    expect(actions({ approvalRequired: undefined })).toEqual([]);
  });

  it('lets the sole admin publish directly, while an admin with colleagues submits', () => {
    expect(actions({ role: 'admin', soleAdmin: true })).toEqual(['publish']);
    expect(actions({ role: 'admin', soleAdmin: false })).toEqual(['submit']);
  });

  it('lets admins approve or reject a pending submission, and nobody submit it again', () => {
    expect(
      actions({ state: 'pending_approval', approvalStatus: 'pending', role: 'admin', soleAdmin: false }),
    ).toEqual(['approve', 'reject']);
    expect(actions({ state: 'pending_approval', approvalStatus: 'pending' })).toEqual([]);
  });

  it('keeps an admin from approving their own submission while another admin can, but lets them withdraw it', () => {
    const pending = { state: 'pending_approval', approvalStatus: 'pending', role: 'admin' } as const;
    expect(actions({ ...pending, soleAdmin: false, submittedByMe: true })).toEqual(['reject']);
    expect(actions({ ...pending, soleAdmin: undefined, submittedByMe: true })).toEqual(['reject']);
    expect(actions({ ...pending, soleAdmin: true, submittedByMe: true })).toEqual(['approve', 'reject']);
    expect(actions({ ...pending, soleAdmin: false, submittedByMe: false })).toEqual(['approve', 'reject']);
  });

  it('lets a rejected draft be submitted again', () => {
    expect(actions({ approvalStatus: 'rejected' })).toEqual(['submit']);
  });

  it('gives admins the run controls of a live campaign, with a new draft to submit or decide', () => {
    expect(actions({ state: 'active', role: 'admin', soleAdmin: false })).toEqual([
      'submit',
      'pause',
      'stop',
    ]);
    expect(actions({ state: 'paused', role: 'admin', soleAdmin: false, approvalStatus: 'pending' })).toEqual([
      'approve',
      'reject',
      'resume',
      'stop',
    ]);
    expect(actions({ state: 'active' })).toEqual(['submit']);
  });

  it('gives an analyst no action in any state', () => {
    for (const state of ['draft', 'pending_approval', 'active', 'paused', 'stopped'] as const)
      expect(
        actions({ state, role: 'analyst', approvalStatus: state === 'pending_approval' ? 'pending' : null }),
      ).toEqual([]);
  });

  it('offers nothing for a stopped or archived campaign but to duplicate it elsewhere', () => {
    expect(actions({ state: 'stopped', role: 'admin', soleAdmin: true })).toEqual([]);
    expect(actions({ state: 'archived', role: 'admin', soleAdmin: true })).toEqual([]);
  });
});
