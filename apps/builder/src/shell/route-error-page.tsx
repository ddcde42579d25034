import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';

/**
 * What a screen shows when drawing it failed: what went wrong and the way out, inside the app shell when the shell
 * itself still works (a broken campaign never takes the whole app down).
 */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <section className="empty-state" role="alert" data-testid="route-error">
      <p>{t('routeError', { detail })}</p>
      <p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('reload')}
        </button>{' '}
        <Link to="/campaigns">{t('backToCampaigns')}</Link>
      </p>
    </section>
  );
}
