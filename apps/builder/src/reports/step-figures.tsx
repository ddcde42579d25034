import { useTranslation } from 'react-i18next';
import { formatCount } from '../format/formats';
import type { StepOverlay } from './node-overlays';

const FIGURES = ['entered', 'waitingNow', 'succeeded', 'failed'] as const;

/** A step's badges on the report canvas; a failed step lists its top error codes and their meanings. */
export function StepFigures({ overlay }: { overlay: StepOverlay }) {
  const { t } = useTranslation('reports');
  return (
    <div className="step-figures nodrag nopan" data-testid="step-figures">
      <dl className="step-figures__badges" aria-label={t('nodes.figures')}>
        {FIGURES.map((figure) => (
          <div
            key={figure}
            className={`step-figure step-figure--${figure}${overlay[figure] > 0 ? '' : ' step-figure--zero'}`}
            data-figure={figure}
            data-value={overlay[figure]}
          >
            <dt>{t(`nodes.${figure}`)}</dt>
            <dd>{formatCount(overlay[figure])}</dd>
          </div>
        ))}
      </dl>
      {overlay.topErrors.length > 0 && (
        <details className="step-figures__errors" data-testid="step-errors">
          <summary>{t('nodes.topErrors', { count: overlay.topErrors.length })}</summary>
          <ul>
            {overlay.topErrors.map((error) => (
              <li key={error.code} data-code={error.code}>
                <code>{t('nodes.errorItem', { code: error.code, count: error.count })}</code>{' '}
                <span>{error.meaning ?? t('nodes.noMeaning')}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
