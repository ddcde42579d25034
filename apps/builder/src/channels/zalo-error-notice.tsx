import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { zaloConnectErrorOf } from './zalo-connect-error';

/** Why a Zalo consent failed, from the code the API callback sent the browser back with (`?zaloError=<code>`). */
export function ZaloErrorNotice({ className }: { className: string }) {
  const { t } = useTranslation('channels');
  const [params] = useSearchParams();
  const code = zaloConnectErrorOf(params.get('zaloError'));
  if (!code) return null;
  return (
    <div className={className} role="alert" data-testid="zalo-error" data-code={code}>
      <p>{t(`zaloErrors.${code}`)}</p>
    </div>
  );
}
