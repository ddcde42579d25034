import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A secret the API gives once (an API key, an invitation token): shown until dismissed, with a copy button. */
export function OneTimeSecret({
  title,
  secret,
  hint,
  onDismiss,
}: {
  title: string;
  secret: string;
  hint: string;
  onDismiss: () => void;
}) {
  const { t } = useTranslation('settings');
  const [copied, setCopied] = useState<'yes' | 'failed' | undefined>();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <section
      className="one-time-secret"
      aria-labelledby="one-time-secret-title"
      data-testid="one-time-secret"
    >
      <h2 id="one-time-secret-title">{title}</h2>
      <p>{hint}</p>
      <p className="one-time-secret__warning">{t('secret.onlyOnce')}</p>
      <div className="one-time-secret__value">
        <code data-testid="secret-value">{secret}</code>
        <button type="button" className="button button--small" onClick={() => void copy()}>
          {t('secret.copy')}
        </button>
      </div>
      <p role="status" className="one-time-secret__status">
        {copied === 'yes' ? t('secret.copied') : copied === 'failed' ? t('secret.copyFailed') : ''}
      </p>
      <button type="button" className="button" onClick={onDismiss}>
        {t('secret.done')}
      </button>
    </section>
  );
}
