import {
  isWorkspaceFormField,
  toWorkspaceChange,
  toWorkspaceForm,
  workspaceFormSchema,
} from './workspace-form';

const workspace = {
  id: '0b1e2c3d-0000-4000-8000-000000000000',
  name: 'Loa',
  slug: 'loa',
  timezone: 'Asia/Ho_Chi_Minh',
  approvalRequired: true,
  quietHours: null,
  frequencyCaps: [{ channel: 'sms' as const, max: 3, per: { amount: 1, unit: 'days' as const } }],
  cohortThreshold: 1000,
  cohortSize: 500,
  createdAt: '2026-12-01T00:00:00.000Z',
};

describe('the workspace settings form', () => {
  it('round-trips a workspace, sending null quiet hours when they are off', () => {
    const form = toWorkspaceForm(workspace);
    expect(form.quietHoursOn).toBe(false);
    expect(toWorkspaceChange(form)).toEqual({
      name: 'Loa',
      timezone: 'Asia/Ho_Chi_Minh',
      approvalRequired: true,
      quietHours: null,
      frequencyCaps: workspace.frequencyCaps,
    });
    expect(toWorkspaceChange({ ...form, quietHoursOn: true }).quietHours).toEqual({
      start: '21:00',
      end: '08:00',
    });
  });

  it('names the field of a bad value', () => {
    const form = toWorkspaceForm(workspace);
    const sameHours = workspaceFormSchema.safeParse({
      ...form,
      quietHoursOn: true,
      quietHours: { start: '22:00', end: '22:00' },
    });
    expect(sameHours.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['quietHours.end']);
    const zeroCap = workspaceFormSchema.safeParse({
      ...form,
      frequencyCaps: [{ channel: 'sms', max: 0, per: { amount: 1, unit: 'days' } }],
    });
    expect(zeroCap.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['frequencyCaps.0.max', 'workspace.errors.positive'],
    ]);
  });

  it('ignores equal quiet hours while they are off', () => {
    const form = { ...toWorkspaceForm(workspace), quietHours: { start: '22:00', end: '22:00' } };
    expect(workspaceFormSchema.safeParse(form).success).toBe(true);
  });

  it('knows which API field names are its fields', () => {
    expect(['timezone', 'quietHours.start', 'frequencyCaps.2.per.amount'].every(isWorkspaceFormField)).toBe(
      true,
    );
    expect(['slug', 'frequencyCaps', 'quietHours'].some(isWorkspaceFormField)).toBe(false);
  });
});
