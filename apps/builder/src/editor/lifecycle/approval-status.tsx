import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StateBadge } from '../../campaigns/state-badge';
import { formatDateTime } from '../../format/formats';
import type { CampaignDetail } from '../../campaigns/campaign-queries';

/** The campaign's state, its live version and its submission (pending, or rejected with the admin's comment). */
export function ApprovalStatus({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation('lifecycle');
  const { approval, currentVersion } = campaign;
  return (
    <div className="lifecycle__status">
      <div className="lifecycle__badges">
        <StateBadge state={campaign.state} />
        {approval?.status === 'pending' && campaign.state !== 'pending_approval' && (
          <span className="badge badge--approval-pending">{t('pending')}</span>
        )}
        {approval?.status === 'rejected' && (
          <span className="badge badge--approval-rejected">{t('rejected')}</span>
        )}
        {currentVersion ? (
          <span className="lifecycle__version">
            <Link to={`/campaigns/${campaign.id}/versions/${currentVersion.version}`}>
              {t('version', { version: currentVersion.version })}
            </Link>
            <Link to={`/campaigns/${campaign.id}/versions/${currentVersion.version}?compare=draft`}>
              {t('draftChanges')}
            </Link>
            <Link to={`/campaigns/${campaign.id}/report`}>{t('report')}</Link>
          </span>
        ) : (
          <span className="lifecycle__version lifecycle__version--none">{t('noVersion')}</span>
        )}
      </div>
      {approval?.status === 'pending' && (
        <p className="lifecycle__detail" data-testid="approval-pending">
          {t('pendingDetail', {
            name: approval.submittedBy.name,
            revision: approval.revision,
            when: formatDateTime(approval.submittedAt),
          })}
        </p>
      )}
      {approval?.status === 'rejected' && (
        <figure className="lifecycle__comment" data-testid="approval-rejected">
          <blockquote>{approval.comment}</blockquote>
          <figcaption>
            {t('rejectedComment')} ·{' '}
            {t('rejectedDetail', {
              name: approval.decidedBy?.name ?? '',
              when: approval.decidedAt ? formatDateTime(approval.decidedAt) : '',
            })}
          </figcaption>
        </figure>
      )}
    </div>
  );
}
