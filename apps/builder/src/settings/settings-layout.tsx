import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useMe } from '../auth/session';
import { SETTINGS_SECTIONS, settingsSectionsFor } from './settings-sections';

/** The settings screens beside their own navigation; a screen the role may not use says so (the API refuses it). */
export function SettingsLayout() {
  const { t } = useTranslation('settings');
  const me = useMe();
  const { pathname } = useLocation();
  const sections = settingsSectionsFor(me.role);
  const current = SETTINGS_SECTIONS.find((section) => pathname.startsWith(`/settings/${section.path}`));
  const allowed = !current || sections.includes(current);

  return (
    <div className="settings">
      {sections.length > 0 && (
        <nav className="settings__nav" aria-label={t('navLabel')}>
          {sections.map((section) => (
            <NavLink key={section.path} to={`/settings/${section.path}`} className="settings__nav-link">
              {t(section.label)}
            </NavLink>
          ))}
        </nav>
      )}
      <div className="settings__body">
        {allowed ? (
          <Outlet />
        ) : (
          <section className="page" aria-labelledby="settings-forbidden">
            <h1 id="settings-forbidden">{t('forbidden.title')}</h1>
            <p>{t('forbidden.body')}</p>
          </section>
        )}
      </div>
    </div>
  );
}
