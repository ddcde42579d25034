import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import { singleSendPlan } from '../workflows/testing/test-plans';
import { journeyEnrollment, journeyRerun } from './enrollment-options';
import { sendIdempotencyKey } from './journey-ids';

const orderEvent = {
  id: 'evt-1',
  name: 'order.created',
  properties: { orderId: 'A 1' },
  occurredAt: '2026-01-01T00:00:00Z',
};

describe('journeyEnrollment', () => {
  it('uses the SDK’s policy names, so the API can pass them to the client as they are', () => {
    for (const mode of ['never', 'after_exit', 'always'] as const) {
      for (const whenRunning of ['fail', 'use_existing'] as const) {
        const enrollment = journeyEnrollment({
          workspaceId: 'ws',
          plan: singleSendPlan('care', { reEntry: { mode } }),
          contactId: 'c1',
          whenRunning,
        });
        expect(Object.values(WorkflowIdReusePolicy)).toContain(enrollment.workflowIdReusePolicy);
        expect(Object.values(WorkflowIdConflictPolicy)).toContain(enrollment.workflowIdConflictPolicy);
      }
    }
  });

  it('rejects a closed duplicate for never, allows it after exit and always; fails or joins a running one', () => {
    const options = (mode: 'never' | 'after_exit' | 'always', whenRunning?: 'fail' | 'use_existing') =>
      journeyEnrollment({
        workspaceId: 'ws',
        plan: singleSendPlan('care', { reEntry: { mode } }),
        contactId: 'c1',
        ...(whenRunning && { whenRunning }),
      });
    expect(options('never')).toMatchObject({
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      workflowIdConflictPolicy: 'FAIL',
    });
    expect(options('after_exit').workflowIdReusePolicy).toBe('ALLOW_DUPLICATE');
    expect(options('always').workflowIdReusePolicy).toBe('ALLOW_DUPLICATE');
    expect(options('never', 'use_existing').workflowIdConflictPolicy).toBe('USE_EXISTING');
  });

  it('builds the journey id and input from the plan, the contact and the entry event', () => {
    const plan = singleSendPlan('care', { reEntry: { mode: 'always' } });
    const enrollment = journeyEnrollment({
      workspaceId: 'ws',
      plan,
      contactId: 'c1',
      entryEvent: orderEvent,
    });
    expect(enrollment.workflowType).toBe('contactJourney');
    // A manual trigger names no entry key property: `always` distinguishes entries by event id.
    expect(enrollment.workflowId).toBe(`journey:${plan.campaignId}:c1:evt-1`);
    expect(enrollment.input).toEqual({
      workspaceId: 'ws',
      contactId: 'c1',
      plan,
      entryKey: 'evt-1',
      entryEvent: orderEvent,
    });
    expect(
      journeyEnrollment({ workspaceId: 'ws', plan: singleSendPlan(), contactId: 'c1' }).input.entryKey,
    ).toBe('once');
  });
});

describe('sendIdempotencyKey', () => {
  it('is {workflowId}:{stepId}:{visit}, with the enrollment’s first run id when given', () => {
    expect(sendIdempotencyKey('journey:c:p:once', 'sms', 2)).toBe('journey:c:p:once:sms:2');
    expect(sendIdempotencyKey('journey:c:p:once', 'sms', 2, 'run-1')).toBe('journey:c:p:once:run-1:sms:2');
  });
});

describe('journeyRerun', () => {
  it('starts at the step, once per failed enrollment, under a workflow id of its own', () => {
    const plan = singleSendPlan('care', { reEntry: { mode: 'always' } });
    const rerun = (failedEnrollmentId: string) =>
      journeyRerun({
        workspaceId: 'ws',
        plan,
        contactId: 'c1',
        stepId: 'send',
        failedEnrollmentId,
        entryEvent: orderEvent,
      });
    const first = rerun('run-1');
    expect(first).toMatchObject({
      workflowId: `journey:${plan.campaignId}:c1:rerun.run-1`,
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      workflowIdConflictPolicy: 'FAIL',
      input: { startAt: 'send', entryKey: 'rerun.run-1', entryEvent: orderEvent },
    });
    expect(rerun('run-1')).toEqual(first);
    const original = journeyEnrollment({ workspaceId: 'ws', plan, contactId: 'c1', entryEvent: orderEvent });
    expect(first.workflowId).not.toBe(original.workflowId);
    expect(sendIdempotencyKey(first.workflowId, 'send', 1)).not.toBe(
      sendIdempotencyKey(original.workflowId, 'send', 1),
    );
  });
});
