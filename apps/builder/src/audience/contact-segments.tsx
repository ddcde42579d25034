import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../format/formats';
import { QueryState } from '../shell/query-state';
import { useContactSegments } from './contact-queries';

export function ContactSegments({ contactId, timeZone }: { contactId: string; timeZone: string }) {
  const { t } = useTranslation('audience');
  const segments = useContactSegments(contactId);

  return (
    <section
      className="settings-card"
      aria-labelledby="contact-segments-title"
      data-testid="contact-segments"
    >
      <h2 id="contact-segments-title">{t('profile.segments')}</h2>
      {segments.isPending || segments.isError ? (
        <QueryState error={segments.error} onRetry={() => void segments.refetch()} />
      ) : segments.data.items.length === 0 ? (
        <p className="muted">{t('profile.noSegments')}</p>
      ) : (
        <ul className="contact-profile__segments">
          {segments.data.items.map((segment) => (
            <li key={segment.id}>
              <Link to={`/segments/${segment.id}?explain=${contactId}`}>{segment.name}</Link>{' '}
              <span className="muted">
                {t('profile.segmentSince', { when: formatDateTime(segment.since, timeZone) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
