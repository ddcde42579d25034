import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isProblem } from '../api/api-problem';
import { useMe } from '../auth/session';
import { formatDateTime } from '../format/formats';
import { QueryState } from '../shell/query-state';
import { ContactDetails } from './contact-details';
import { ContactJourneys } from './contact-journeys';
import { useContact } from './contact-queries';
import { ContactSegments } from './contact-segments';
import { ContactTimeline } from './contact-timeline';

export function ContactProfilePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('audience');
  const me = useMe();
  const contact = useContact(id);

  if (contact.isError && isProblem(contact.error, 404)) {
    const mergedInto = contact.error.body['mergedInto'];
    return (
      <section className="page" aria-labelledby="contact-title">
        <h1 id="contact-title">{t('list.title')}</h1>
        <p className="empty-state">
          {typeof mergedInto === 'string' ? t('profile.merged') : contact.error.message}
        </p>
        {typeof mergedInto === 'string' && (
          <Link to={`/contacts/${mergedInto}`}>{t('profile.openMerged')}</Link>
        )}
      </section>
    );
  }
  if (contact.isPending || contact.isError)
    return <QueryState error={contact.error} onRetry={() => void contact.refetch()} />;

  const timeZone = me.workspace.timezone;
  const view = contact.data;
  return (
    <section className="page contact-profile" aria-labelledby="contact-title">
      <Link to="/contacts" className="contact-profile__back">
        {t('profile.back')}
      </Link>
      <div className="page__header">
        <h1 id="contact-title">{view.name ?? t('list.noName')}</h1>
        <span className="muted">{formatDateTime(view.createdAt, timeZone)}</span>
      </div>
      {view.doNotContact && (
        <p className="notice contact-profile__dnc" data-testid="do-not-contact">
          {t('profile.doNotContact')}
        </p>
      )}
      <div className="contact-profile__grid">
        <ContactDetails contact={view} timeZone={timeZone} />
        <div className="contact-profile__side">
          <ContactSegments contactId={view.id} timeZone={timeZone} />
          <ContactTimeline contactId={view.id} timeZone={timeZone} />
        </div>
      </div>
      <ContactJourneys contactId={view.id} timeZone={timeZone} />
    </section>
  );
}
