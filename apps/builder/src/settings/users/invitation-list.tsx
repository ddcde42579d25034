import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/session';
import { formatDateTime } from '../../format/formats';
import { QueryState } from '../../shell/query-state';
import { useInvitations, useRevokeInvitation } from './user-queries';

/** Invitations, newest first; a pending one can be revoked. */
export function InvitationList() {
  const { t } = useTranslation('settings');
  const me = useMe();
  const invitations = useInvitations();
  const revoke = useRevokeInvitation();

  return (
    <section className="settings-card" aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t('users.invitations.title')}</h2>
      {revoke.error && (
        <p className="form-error" role="alert">
          {t('actionFailed', { detail: revoke.error.message })}
        </p>
      )}
      {invitations.isPending || invitations.isError ? (
        <QueryState error={invitations.error} onRetry={() => void invitations.refetch()} />
      ) : invitations.data.items.length === 0 ? (
        <p className="empty-state">{t('users.invitations.empty')}</p>
      ) : (
        <table className="table" data-testid="invitation-list">
          <thead>
            <tr>
              <th scope="col">{t('users.invite.email')}</th>
              <th scope="col">{t('users.columns.role')}</th>
              <th scope="col">{t('users.columns.state')}</th>
              <th scope="col">{t('users.invitations.expires')}</th>
              <th scope="col">{t('users.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {invitations.data.items.map((invitation) => (
              <tr key={invitation.id} data-testid="invitation-row" data-email={invitation.email}>
                <td>{invitation.email}</td>
                <td>{t(`roles.${invitation.role}`, { ns: 'common' })}</td>
                <td>
                  <span
                    className={`badge badge--invitation-${invitation.status}`}
                    data-status={invitation.status}
                  >
                    {t(`users.invitations.status.${invitation.status}`)}
                  </span>
                </td>
                <td>{formatDateTime(invitation.expiresAt, me.workspace.timezone)}</td>
                <td>
                  <div className="table__actions">
                    {invitation.status === 'pending' && (
                      <button
                        type="button"
                        className="button button--small button--danger"
                        disabled={revoke.isPending}
                        onClick={() => {
                          if (
                            window.confirm(t('users.invitations.revokeConfirm', { email: invitation.email }))
                          )
                            revoke.mutate(invitation.id);
                        }}
                      >
                        {t('users.invitations.revoke')}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
