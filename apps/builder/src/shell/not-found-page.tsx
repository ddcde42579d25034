import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section className="empty-state">
      <p>{t('notFound')}</p>
      <Link to="/campaigns">{t('backToCampaigns')}</Link>
    </section>
  );
}
