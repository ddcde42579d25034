import { useTranslation } from 'react-i18next';
import type { Role } from '../../auth/session';
import { useMe } from '../../auth/session';
import { formatDate } from '../../format/formats';
import { ROLES } from '../roles';
import { useUpdateMember, type Member } from './user-queries';

/** Members with their role (changeable) and state (deactivate / reactivate). */
export function MemberTable({ members }: { members: Member[] }) {
  const { t } = useTranslation('settings');
  const me = useMe();
  const update = useUpdateMember();

  return (
    <>
      {update.error && (
        <p className="form-error" role="alert">
          {t('actionFailed', { detail: update.error.message })}
        </p>
      )}
      <table className="table" data-testid="member-list">
        <thead>
          <tr>
            <th scope="col">{t('users.columns.name')}</th>
            <th scope="col">{t('users.columns.role')}</th>
            <th scope="col">{t('users.columns.state')}</th>
            <th scope="col">{t('users.columns.joined')}</th>
            <th scope="col">{t('users.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.id} data-testid="member-row" data-email={member.email}>
              <td>
                <span className="table__primary">{member.name}</span>
                <span className="muted settings__sub">{member.email}</span>
              </td>
              <td>
                <select
                  aria-label={t('users.roleOf', { name: member.name })}
                  value={member.role}
                  disabled={update.isPending}
                  onChange={(event) =>
                    update.mutate({ id: member.id, change: { role: event.target.value as Role } })
                  }
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {t(`roles.${role}`, { ns: 'common' })}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <span className={`badge badge--member-${member.status}`} data-status={member.status}>
                  {t(`users.status.${member.status}`)}
                </span>
              </td>
              <td>{formatDate(member.joinedAt, me.workspace.timezone)}</td>
              <td>
                <div className="table__actions">
                  {member.id !== me.user.id && (
                    <button
                      type="button"
                      className={`button button--small${member.status === 'active' ? ' button--danger' : ''}`}
                      disabled={update.isPending}
                      onClick={() => {
                        const deactivating = member.status === 'active';
                        if (
                          deactivating &&
                          !window.confirm(t('users.deactivateConfirm', { name: member.name }))
                        )
                          return;
                        update.mutate({
                          id: member.id,
                          change: { status: deactivating ? 'deactivated' : 'active' },
                        });
                      }}
                    >
                      {member.status === 'active' ? t('users.deactivate') : t('users.reactivate')}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
