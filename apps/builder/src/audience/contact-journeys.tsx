import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../format/formats';
import { QueryState } from '../shell/query-state';
import { useContactJourneys, type ContactJourney } from './contact-queries';
import { JourneyPathView } from './journey-path-view';

/** Each journey the contact took, its path drawn on its campaign version's graph (the newest one open). */
export function ContactJourneys({ contactId, timeZone }: { contactId: string; timeZone: string }) {
  const { t } = useTranslation('audience');
  const journeys = useContactJourneys(contactId);
  const items = journeys.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section
      className="settings-card contact-journeys"
      aria-labelledby="contact-journeys-title"
      data-testid="contact-journeys"
    >
      <h2 id="contact-journeys-title">{t('journeys.title')}</h2>
      {journeys.isPending || journeys.isError ? (
        <QueryState error={journeys.error} onRetry={() => void journeys.refetch()} />
      ) : items.length === 0 ? (
        <p className="muted">{t('journeys.none')}</p>
      ) : (
        <>
          <p className="muted contact-journeys__legend">{t('journeys.legend')}</p>
          <ul className="contact-journeys__list">
            {items.map((journey, index) => (
              <JourneyItem key={journey.id} journey={journey} timeZone={timeZone} startOpen={index === 0} />
            ))}
          </ul>
        </>
      )}
      {journeys.hasNextPage && (
        <button
          type="button"
          className="button"
          disabled={journeys.isFetchingNextPage}
          onClick={() => void journeys.fetchNextPage()}
        >
          {t('journeys.loadOlder')}
        </button>
      )}
    </section>
  );
}

function JourneyItem({
  journey,
  timeZone,
  startOpen,
}: {
  journey: ContactJourney;
  timeZone: string;
  startOpen: boolean;
}) {
  const { t } = useTranslation('audience');
  // the canvas is drawn only while its journey is open
  const [open, setOpen] = useState(startOpen);
  return (
    <li className="contact-journey" data-testid="contact-journey" data-journey-id={journey.id}>
      <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary className="contact-journey__summary">
          <strong>{journey.campaignName}</strong>
          {journey.version !== null && (
            <span className="muted">{t('journeys.version', { version: journey.version })}</span>
          )}
          <span className={`badge contact-journey__status contact-journey__status--${journey.status}`}>
            {journey.status === 'active'
              ? t('journeys.active')
              : t('journeys.exited', { reason: journey.exitReason ?? '—' })}
          </span>
          <span className="muted">
            {t('journeys.entered', { when: formatDateTime(journey.enteredAt, timeZone) })}
          </span>
        </summary>
        <Link to={`/campaigns/${journey.campaignId}`} className="contact-journey__campaign">
          {t('journeys.openCampaign')}
        </Link>
        {open && <JourneyPathView journey={journey} timeZone={timeZone} />}
      </details>
    </li>
  );
}
