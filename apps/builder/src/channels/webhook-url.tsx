import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The address to paste into the provider's console, with a copy button. */
export function WebhookUrl({ url }: { url: string }) {
  const { t } = useTranslation('channels');
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(url);
    setCopied(true);
    window.setTimeout(() => setCopied(false), 2000);
  };
  return (
    <section className="channel-section" aria-labelledby="channel-webhook-title">
      <h2 id="channel-webhook-title">{t('detail.webhook')}</h2>
      <p className="muted" id="channel-webhook-hint">
        {t('detail.webhookHint')}
      </p>
      <div className="channel-webhook">
        <code data-testid="webhook-url">{url}</code>
        <button
          type="button"
          className="button button--small"
          aria-describedby="channel-webhook-hint"
          onClick={() => void copy().catch(() => undefined)}
        >
          {copied ? t('detail.copied') : t('detail.copy')}
        </button>
      </div>
    </section>
  );
}
