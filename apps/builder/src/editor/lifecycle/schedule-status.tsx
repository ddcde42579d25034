import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/api-client';
import { useMe } from '../../auth/session';
import type { CampaignDetail } from '../../campaigns/campaign-queries';
import { formatDateTime } from '../../format/formats';
import { isLive } from './lifecycle-actions';
import { scheduleKey } from './lifecycle-queries';

/**
 * The schedule follows a publish, pause or resume a moment later (a queued job), so it is read again: often while
 * there is one, seldom while the live campaign has none (most are not scheduled, and may never be).
 */
const REFRESH_SCHEDULED_MS = 15_000;
const REFRESH_UNSCHEDULED_MS = 60_000;

/**
 * For a live campaign with a schedule or date trigger: when it runs next (the following runs on hover and for
 * screen readers), whether its schedule is paused, and when it last ran; in the workspace's time zone.
 */
export function ScheduleStatus({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation('lifecycle');
  const timeZone = useMe().workspace.timezone;
  const live = isLive(campaign.state);
  const schedule = useQuery({
    queryKey: scheduleKey(campaign.id),
    queryFn: () => unwrap(api.GET('/campaigns/{id}/schedule', { params: { path: { id: campaign.id } } })),
    enabled: live,
    refetchInterval: (query) => (query.state.data?.scheduled ? REFRESH_SCHEDULED_MS : REFRESH_UNSCHEDULED_MS),
    retry: 1,
  });
  if (!live) return null;
  if (schedule.isError && !schedule.data)
    return (
      <p className="lifecycle__detail lifecycle__schedule" data-testid="schedule-status">
        {t('schedule.unavailable')}
      </p>
    );
  if (!schedule.data?.scheduled) return null;
  const { paused, nextRuns, recentRuns } = schedule.data;
  const when = (value: string) => formatDateTime(value, timeZone);
  const [next, ...later] = nextRuns;
  const last = recentRuns.at(-1);
  return (
    <p className="lifecycle__detail lifecycle__schedule" data-testid="schedule-status">
      {next === undefined ? (
        t('schedule.noneLeft')
      ) : (
        <span
          title={later.length > 0 ? t('schedule.later', { times: later.map(when).join(', ') }) : undefined}
        >
          {t(paused ? 'schedule.nextPaused' : 'schedule.next', { when: when(next) })}
          {later.length > 0 && (
            <span className="visually-hidden">
              {' '}
              {t('schedule.later', { times: later.map(when).join(', ') })}
            </span>
          )}
        </span>
      )}
      {last && ` · ${t('schedule.last', { when: when(last.startedAt) })}`}
    </p>
  );
}
