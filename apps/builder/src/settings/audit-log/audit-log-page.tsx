import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMe } from '../../auth/session';
import { formatDateTime } from '../../format/formats';
import { QueryState } from '../../shell/query-state';
import { useMembers } from '../users/user-queries';
import { auditQueryOf, type AuditFilterParams } from './audit-filters';
import { AuditEntryRow } from './audit-entry-row';
import { useAuditLog } from './audit-log-queries';

const TARGET_KINDS = [
  'user',
  'invitation',
  'api_key',
  'workspace',
  'campaign',
  'channel_account',
  'contact',
  'secret',
];
const FILTER_NAMES = ['actor', 'target', 'from', 'to'] as const;

/** /settings/audit-log: who did what, newest first; filters live in the address. */
export function AuditLogPage() {
  const { t } = useTranslation('settings');
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filters: AuditFilterParams = Object.fromEntries(
    FILTER_NAMES.map((name) => [name, params.get(name) ?? undefined]).filter(([, value]) => value),
  );
  const members = useMembers();
  const log = useAuditLog(auditQueryOf(filters, me.workspace.timezone));
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];

  const setFilter = (name: (typeof FILTER_NAMES)[number], value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <section className="page" aria-labelledby="audit-title">
      <div className="page__header">
        <h1 id="audit-title">{t('auditLog.title')}</h1>
      </div>
      <form
        className="filters"
        aria-label={t('auditLog.filters')}
        onSubmit={(event) => event.preventDefault()}
      >
        <label className="field field--inline">
          <span>{t('auditLog.actor')}</span>
          <select value={filters.actor ?? ''} onChange={(event) => setFilter('actor', event.target.value)}>
            <option value="">{t('auditLog.anyone')}</option>
            {members.data?.items.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--inline">
          <span>{t('auditLog.target')}</span>
          <select value={filters.target ?? ''} onChange={(event) => setFilter('target', event.target.value)}>
            <option value="">{t('auditLog.anything')}</option>
            {TARGET_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`auditLog.targets.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--inline">
          <span>{t('auditLog.from')}</span>
          <input
            type="date"
            value={filters.from ?? ''}
            onChange={(event) => setFilter('from', event.target.value)}
          />
        </label>
        <label className="field field--inline">
          <span>{t('auditLog.to')}</span>
          <input
            type="date"
            value={filters.to ?? ''}
            onChange={(event) => setFilter('to', event.target.value)}
          />
        </label>
      </form>
      {log.isPending || log.isError ? (
        <QueryState error={log.error} onRetry={() => void log.refetch()} />
      ) : entries.length === 0 ? (
        <p className="empty-state">{t('auditLog.empty')}</p>
      ) : (
        <table className="table" data-testid="audit-log">
          <thead>
            <tr>
              <th scope="col">{t('auditLog.columns.when')}</th>
              <th scope="col">{t('auditLog.columns.who')}</th>
              <th scope="col">{t('auditLog.columns.what')}</th>
              <th scope="col">{t('auditLog.columns.target')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <AuditEntryRow
                key={entry.id}
                entry={entry}
                when={formatDateTime(entry.at, me.workspace.timezone)}
              />
            ))}
          </tbody>
        </table>
      )}
      {log.hasNextPage && (
        <button
          type="button"
          className="button"
          onClick={() => void log.fetchNextPage()}
          disabled={log.isFetchingNextPage}
        >
          {t('auditLog.loadMore')}
        </button>
      )}
    </section>
  );
}
