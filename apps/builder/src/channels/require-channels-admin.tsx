import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';

/** The Channels screens are for admins; others get a plain refusal (the API refuses their changes anyway). */
export function RequireChannelsAdmin({ children }: { children: ReactNode }) {
  const { t } = useTranslation('channels');
  const me = useMe();
  if (can(me.role, 'channels.manage')) return children;
  return (
    <section className="page" aria-labelledby="channels-title">
      <h1 id="channels-title">{t('title')}</h1>
      <p className="notice" role="alert" data-testid="channels-refused">
        {t('adminsOnly')}
      </p>
    </section>
  );
}
