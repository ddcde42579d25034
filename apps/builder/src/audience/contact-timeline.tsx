import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DiffGraph } from '../editor/versions/graph-diff';
import { useVersion } from '../editor/versions/versions-queries';
import { formatDateTime, formatVnd } from '../format/formats';
import { QueryState } from '../shell/query-state';
import { useContactEvents, useContactJourneys, useContactMessages } from './contact-queries';
import { stepLabelOf } from './step-label';
import { completeUntil, mergeTimeline, type TimelineEntry, type TimelineJourney } from './timeline';

/** The contact's events, messages and journeys in one list, newest first, loaded page by page. */
export function ContactTimeline({ contactId, timeZone }: { contactId: string; timeZone: string }) {
  const { t } = useTranslation('audience');
  const events = useContactEvents(contactId);
  const messages = useContactMessages(contactId);
  const journeys = useContactJourneys(contactId);
  const sources = [events, messages, journeys];

  const loading = sources.some((source) => source.isPending);
  const failure = sources.find((source) => source.error)?.error;
  const eventItems = events.data?.pages.flatMap((page) => page.items) ?? [];
  const messageItems = messages.data?.pages.flatMap((page) => page.items) ?? [];
  const journeyItems = journeys.data?.pages.flatMap((page) => page.items) ?? [];
  const until = completeUntil([
    { oldest: eventItems.at(-1)?.timestamp, done: !events.hasNextPage },
    { oldest: messageItems.at(-1)?.createdAt, done: !messages.hasNextPage },
    { oldest: journeyItems.at(-1)?.enteredAt, done: !journeys.hasNextPage },
  ]);
  const entries = mergeTimeline(eventItems, messageItems, journeyItems).filter(
    (entry) => Date.parse(entry.at) >= until,
  );
  const hasMore = sources.some((source) => source.hasNextPage);
  const fetching = sources.some((source) => source.isFetchingNextPage);

  return (
    <section
      className="settings-card"
      aria-labelledby="contact-timeline-title"
      data-testid="contact-timeline"
    >
      <h2 id="contact-timeline-title">{t('profile.timeline')}</h2>
      {loading || failure ? (
        <QueryState error={failure} onRetry={() => sources.forEach((source) => void source.refetch())} />
      ) : entries.length === 0 && !hasMore ? (
        <p className="muted">{t('profile.noHistory')}</p>
      ) : (
        <ol className="timeline">
          {entries.map((entry) => (
            <TimelineItem key={entry.key} entry={entry} timeZone={timeZone} />
          ))}
        </ol>
      )}
      {hasMore && !loading && (
        <button
          type="button"
          className="button"
          disabled={fetching}
          onClick={() => {
            for (const source of sources) if (source.hasNextPage) void source.fetchNextPage();
          }}
        >
          {t('profile.loadOlder')}
        </button>
      )}
    </section>
  );
}

function TimelineItem({ entry, timeZone }: { entry: TimelineEntry; timeZone: string }) {
  const { t } = useTranslation('audience');
  const at = <time dateTime={entry.at}>{formatDateTime(entry.at, timeZone)}</time>;
  if (entry.kind === 'event') {
    const { event } = entry;
    return (
      <li
        className="timeline__item timeline__item--event"
        data-testid="timeline-event"
        data-name={event.name}
      >
        {at}
        <span className="timeline__kind">
          {event.type === 'track' ? t('profile.event') : t('profile.identify')}
        </span>
        {event.name && <strong>{event.name}</strong>}
      </li>
    );
  }
  if (entry.kind === 'journey') {
    const { journey } = entry;
    return (
      <li
        className="timeline__item timeline__item--journey"
        data-testid="timeline-journey"
        data-status={journey.status}
      >
        {at}
        <span className="timeline__kind">{t('profile.journey')}</span>
        <Link to={`/campaigns/${journey.campaignId}`}>{journey.campaignName}</Link>
        <span className="badge">
          {journey.status === 'active' && journey.currentStep ? (
            <JourneyStep journey={journey} stepId={journey.currentStep} />
          ) : journey.status === 'active' ? (
            t('profile.journeyActive', { step: '—' })
          ) : (
            t('profile.journeyExited', { reason: journey.exitReason ?? '—' })
          )}
        </span>
      </li>
    );
  }
  const { message } = entry;
  return (
    <li
      className="timeline__item timeline__item--message"
      data-testid="timeline-message"
      data-status={message.status}
    >
      {at}
      <span className="timeline__kind">
        {t('profile.message', { channel: t(`channels.${message.channel}`) })}
      </span>
      <span className={`badge timeline__status timeline__status--${message.status}`}>
        {t('profile.messageStatus', { status: t(`statuses.${message.status}`) })}
      </span>
      {message.templateRef && <span>{t('profile.template', { template: message.templateRef })}</span>}
      {message.cost && (
        <span>
          {t('profile.cost', {
            cost:
              message.cost.currency === 'VND'
                ? formatVnd(message.cost.amount)
                : `${message.cost.amount} ${message.cost.currency}`,
          })}
        </span>
      )}
      {message.campaignId && <Link to={`/campaigns/${message.campaignId}`}>{t('profile.campaign')}</Link>}
    </li>
  );
}

/** Where a running journey stands, named as its version's graph labels the step (the graph the journey canvas reads). */
function JourneyStep({ journey, stepId }: { journey: TimelineJourney; stepId: string }) {
  const { t } = useTranslation('audience');
  const version = useVersion(journey.campaignId, journey.version ?? undefined);
  const graph = version.data?.graph as DiffGraph | undefined;
  return <>{t('profile.journeyActive', { step: stepLabelOf(graph, stepId) })}</>;
}
