import { useTranslation } from 'react-i18next';
import { QueryState } from '../../shell/query-state';
import { InvitationList } from './invitation-list';
import { InviteForm } from './invite-form';
import { MemberTable } from './member-table';
import { useMembers } from './user-queries';

/** /settings/users: who works in the workspace, with which role; invitations. */
export function UsersPage() {
  const { t } = useTranslation('settings');
  const members = useMembers();

  return (
    <section className="page" aria-labelledby="users-title">
      <div className="page__header">
        <h1 id="users-title">{t('users.title')}</h1>
      </div>
      <InviteForm />
      <section className="settings-card" aria-labelledby="members-title">
        <h2 id="members-title">{t('users.members')}</h2>
        {members.isPending || members.isError ? (
          <QueryState error={members.error} onRetry={() => void members.refetch()} />
        ) : (
          <MemberTable members={members.data.items} />
        )}
      </section>
      <InvitationList />
    </section>
  );
}
