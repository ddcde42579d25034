import type { RuleGroup } from '@loa/engine/browser';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCount } from '../format/formats';
import { isPreviewable } from './segment-form';
import { useSegmentPreview } from './segment-queries';

/** The live count of the contacts the rule (as edited, unsaved) selects, and a few of them. */
export function SegmentPreview({
  rule,
  onExplain,
}: {
  rule: RuleGroup;
  /** Offered beside each sample contact when the saved rule is the one shown. */
  onExplain?: (contactId: string) => void;
}) {
  const { t } = useTranslation('segments');
  const complete = isPreviewable(rule);
  const preview = useSegmentPreview(rule, complete);
  const busy = complete && (preview.settling || preview.isFetching);
  return (
    <section className="settings-card segment-preview" aria-labelledby="segment-preview-title">
      <h2 id="segment-preview-title">{t('preview.title')}</h2>
      <div aria-live="polite" data-testid="segment-preview" data-busy={busy || undefined}>
        {!complete ? (
          <p className="muted">{t('preview.incomplete')}</p>
        ) : preview.isError ? (
          <p className="form-error">{t('preview.failed', { detail: preview.error.message })}</p>
        ) : preview.data ? (
          <p className="segment-preview__count" data-testid="preview-count" data-count={preview.data.count}>
            {t('preview.count', { count: formatCount(preview.data.count) as never })}
            {busy && <span className="muted segment-preview__busy"> · {t('preview.updating')}</span>}
          </p>
        ) : (
          <p className="muted">{t('preview.updating')}</p>
        )}
      </div>
      {complete && preview.data && !preview.isError && (
        <>
          <h3 className="segment-preview__sample-title">{t('preview.sample')}</h3>
          {preview.data.sample.length === 0 ? (
            <p className="muted">{t('preview.none')}</p>
          ) : (
            <ul className="segment-preview__sample" data-testid="preview-sample">
              {preview.data.sample.map((contact) => (
                <li key={contact.id}>
                  <span>
                    <Link to={`/contacts/${contact.id}`}>{contact.name ?? t('preview.noName')}</Link>
                    <span className="muted">
                      {' '}
                      {[contact.phone, contact.email, contact.externalId].filter(Boolean).join(' · ')}
                    </span>
                  </span>
                  {onExplain && (
                    <button
                      type="button"
                      className="button button--small button--quiet"
                      onClick={() => onExplain(contact.id)}
                    >
                      {t('explain.why')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
