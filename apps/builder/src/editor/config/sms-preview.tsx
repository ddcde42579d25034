import { smsLength } from '@loa/engine/browser';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVnd } from '../../format/formats';
import { PreviewContactSelect } from './preview-contact-select';
import { previewContactAt, renderForPreview } from './preview-contacts';
import { useSmsPreview } from './queries';

const ADVERTISING_LABEL = '[QC] ';

function money(amount: number, currency: string): string {
  return currency === 'VND' ? formatVnd(amount) : `${amount} ${currency}`;
}

/**
 * What the contact receives: rendered in the browser for a sample contact, with length, parts and encoding as
 * they are typed; the cost from the API (the account's price per part) once typing pauses.
 */
export function SmsPreview(props: { text: string; advertising: boolean; accountId: string }) {
  const { t } = useTranslation('config');
  const [contactIndex, setContactIndex] = useState(0);
  const contact = previewContactAt(contactIndex);
  const rendered = renderForPreview(props.text, contact);
  const text = rendered.ok ? `${props.advertising ? ADVERTISING_LABEL : ''}${rendered.text}` : '';
  const length = smsLength(text);
  const preview = useSmsPreview(
    {
      text: props.text,
      advertising: props.advertising,
      ...(props.accountId && { accountId: props.accountId }),
    },
    Boolean(props.accountId),
  );
  const cost = preview.data?.cost;
  return (
    <section className="sms-preview" aria-label={t('sms.rendered')}>
      <header className="zns-preview__head">
        <h3>{t('sms.rendered')}</h3>
        <PreviewContactSelect value={contactIndex} onChange={setContactIndex} />
      </header>
      {rendered.ok ? (
        <p className="sms-preview__bubble">{text}</p>
      ) : (
        <p className="config-field__issues">{t('sms.renderError', { error: rendered.error })}</p>
      )}
      <p className="sms-preview__meta" aria-live="polite" data-testid="sms-length">
        {t('sms.length', {
          characters: length.characters,
          segments: length.segments,
          encoding: length.encoding,
        })}
      </p>
      {props.advertising && <p className="config-field__hint">{t('sms.advertisingLabel')}</p>}
      {cost && (
        <p className="sms-preview__meta">
          {t('sms.cost', {
            total: money(cost.total, cost.currency),
            segments: cost.segments,
            perSegment: money(cost.perSegment, cost.currency),
          })}
          {cost.source === 'default' && <span className="muted"> ({t('sms.costDefault')})</span>}
        </p>
      )}
    </section>
  );
}
