import type { AuditEntry } from './audit-log-queries';

/** Actions the audit log names in words; others are shown as the API names them. */
export const DESCRIBED_ACTIONS = [
  'auth.login',
  'bootstrap.admin_created',
  'member.updated',
  'invitation.created',
  'invitation.accepted',
  'invitation.revoked',
  'api_key.created',
  'api_key.revoked',
  'workspace.updated',
  'channel_account.created',
  'channel_account.updated',
  'channel_account.connected',
  'channel_account.deleted',
  'secret.set',
  'secret.deleted',
  'contact.erased',
  'contact.unsubscribed',
] as const;

/** The message key and values that say what an entry records, e.g. "changed Lan's role to analyst". */
export function describeEntry(entry: AuditEntry): { key: string; values: Record<string, string> } {
  const details = entry.details;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  if (!(DESCRIBED_ACTIONS as readonly string[]).includes(entry.action))
    return { key: 'auditLog.actions.other', values: { action: entry.action } };
  const key = `auditLog.actions.${entry.action.replace('.', '_')}`;
  switch (entry.action) {
    case 'member.updated': {
      const from = (details.from ?? {}) as Record<string, unknown>;
      const to = (details.to ?? {}) as Record<string, unknown>;
      if (from.status !== to.status) return { key: `${key}_${text(to.status)}`, values: {} };
      return { key: `${key}_role`, values: { role: text(to.role) } };
    }
    case 'invitation.created':
      return { key, values: { email: text(details.email), role: text(details.role) } };
    case 'api_key.created':
      return { key, values: { name: text(details.name), scope: text(details.scope) } };
    case 'workspace.updated':
      return { key, values: { fields: Object.keys(details).join(', ') } };
    default:
      return { key, values: {} };
  }
}
