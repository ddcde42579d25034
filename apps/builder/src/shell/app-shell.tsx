import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { can, type Permission } from '../auth/permissions';
import { SESSION_KEY, signOut, useMe } from '../auth/session';
import { LANGUAGES } from '../i18n/i18n';

const NAVIGATION: Array<{ to: string; label: string; permission?: Permission }> = [
  { to: '/campaigns', label: 'nav.campaigns' },
  { to: '/contacts', label: 'audience:navEntry', permission: 'contacts.view' },
  { to: '/segments', label: 'segments:navEntry', permission: 'contacts.view' },
  { to: '/imports', label: 'nav.imports' },
  { to: '/settings/channels', label: 'nav.channels', permission: 'channels.manage' },
  { to: '/status', label: 'nav.status', permission: 'system.status' },
  { to: '/settings', label: 'settings:navEntry', permission: 'settings.users' },
];

export function AppShell() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const onSignOut = async () => {
    await signOut().catch(() => undefined);
    queryClient.clear();
    queryClient.setQueryData(SESSION_KEY, null);
    await navigate('/login?reason=signed-out', { replace: true });
  };

  return (
    <div className="app">
      <header className="app__header">
        <span className="app__brand">Loa</span>
        <nav className="app__nav" aria-label={t('nav.label')}>
          {NAVIGATION.filter((item) => !item.permission || can(me.role, item.permission)).map((item) => (
            <NavLink key={item.to} to={item.to} className="app__nav-link">
              {t(item.label)}
            </NavLink>
          ))}
        </nav>
        <div className="app__account">
          <label className="app__language">
            <span className="visually-hidden">{t('language')}</span>
            <select
              value={i18n.resolvedLanguage}
              onChange={(event) => void i18n.changeLanguage(event.target.value)}
              data-testid="language"
            >
              {LANGUAGES.map((language) => (
                <option key={language} value={language}>
                  {language === 'vi' ? 'Tiếng Việt' : 'English'}
                </option>
              ))}
            </select>
          </label>
          <span
            className="app__user"
            data-testid="current-user"
            title={`${me.user.name} · ${me.workspace.name} · ${t(`roles.${me.role}`)}`}
          >
            {me.user.name} · {me.workspace.name} · {t(`roles.${me.role}`)}
          </span>
          <button type="button" className="button button--on-dark" onClick={() => void onSignOut()}>
            {t('signOut')}
          </button>
        </div>
      </header>
      <main className="app__main">
        <Outlet />
      </main>
    </div>
  );
}
