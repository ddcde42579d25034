import { useTranslation } from 'react-i18next';
import type { CampaignState } from './campaign-queries';

export function StateBadge({ state }: { state: CampaignState }) {
  const { t } = useTranslation('campaigns');
  return (
    <span className={`badge badge--state-${state}`} data-state={state}>
      {t(`states.${state}`)}
    </span>
  );
}
