import type { AuditEntry } from './audit-log-queries';
import { describeEntry } from './describe-entry';

const entry = (action: string, details: Record<string, unknown> = {}): AuditEntry => ({
  id: '1',
  at: '2026-12-01T00:00:00.000Z',
  actor: { kind: 'user', id: null, name: 'Hoa Admin' },
  action,
  targetKind: null,
  targetId: null,
  details,
});

describe('an audit entry in words', () => {
  it('tells a role change from a deactivation and a reactivation', () => {
    const change = (from: object, to: object) => describeEntry(entry('member.updated', { from, to }));
    expect(change({ role: 'marketer', status: 'active' }, { role: 'analyst', status: 'active' })).toEqual({
      key: 'auditLog.actions.member_updated_role',
      values: { role: 'analyst' },
    });
    expect(
      change({ role: 'marketer', status: 'active' }, { role: 'marketer', status: 'deactivated' }).key,
    ).toBe('auditLog.actions.member_updated_deactivated');
    expect(
      change({ role: 'marketer', status: 'deactivated' }, { role: 'marketer', status: 'active' }).key,
    ).toBe('auditLog.actions.member_updated_active');
  });

  it('names what was created and which workspace settings changed', () => {
    expect(describeEntry(entry('api_key.created', { name: 'CRM', scope: 'ingest' }))).toEqual({
      key: 'auditLog.actions.api_key_created',
      values: { name: 'CRM', scope: 'ingest' },
    });
    expect(
      describeEntry(entry('workspace.updated', { timezone: 'Asia/Bangkok', approvalRequired: false })),
    ).toEqual({
      key: 'auditLog.actions.workspace_updated',
      values: { fields: 'timezone, approvalRequired' },
    });
  });

  it('shows an action it does not know as the API names it', () => {
    expect(describeEntry(entry('campaign.published'))).toEqual({
      key: 'auditLog.actions.other',
      values: { action: 'campaign.published' },
    });
  });
});
