import { useTranslation } from 'react-i18next';
import type { AuditEntry } from './audit-log-queries';
import { describeEntry } from './describe-entry';

export function AuditEntryRow({ entry, when }: { entry: AuditEntry; when: string }) {
  const { t } = useTranslation('settings');
  const { key, values } = describeEntry(entry);
  const words = {
    ...values,
    ...(values.role && { role: t(`roles.${values.role}`, { ns: 'common', defaultValue: values.role }) }),
    ...(values.scope && { scope: t(`apiKeys.scopes.${values.scope}.name`, { defaultValue: values.scope }) }),
  };
  const who =
    entry.actor.kind === 'system'
      ? t('auditLog.system')
      : (entry.actor.name ?? t(entry.actor.kind === 'user' ? 'auditLog.formerUser' : 'auditLog.formerKey'));

  return (
    <tr data-testid="audit-entry" data-action={entry.action}>
      <td>{when}</td>
      <td>
        {who}
        {entry.actor.kind === 'api_key' && (
          <span className="muted settings__sub">{t('auditLog.viaKey')}</span>
        )}
      </td>
      <td>{t(key, words)}</td>
      <td>
        {entry.targetKind ? (
          <>
            {t(`auditLog.targets.${entry.targetKind}`, { defaultValue: entry.targetKind })}
            {entry.targetId && <code className="muted settings__sub">{entry.targetId}</code>}
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </tr>
  );
}
