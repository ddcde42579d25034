import { useTranslation } from 'react-i18next';
import { formatCount, formatDecimal, formatPercent } from '../format/formats';
import type { SplitResult } from './report-queries';

const NONE = '—';
const decimals = (value: number | undefined, digits: number) =>
  value === undefined ? NONE : formatDecimal(value, digits);

/** One A/B/n split: per variant entered, converted, rate and its 95% interval; the chi-squared test; the warning. */
function SplitResultView({ split }: { split: SplitResult }) {
  const { t } = useTranslation('reports');
  const { test } = split;
  return (
    <article className="report-split" data-testid="split-result" data-step-id={split.stepId}>
      <h3>{split.label ?? split.stepId}</h3>
      <div className="report-table-scroll">
        <table className="table report-table">
          <thead>
            <tr>
              <th scope="col">{t('splits.variant')}</th>
              <th scope="col" className="report-table__number">
                {t('splits.entered')}
              </th>
              <th scope="col" className="report-table__number">
                {t('splits.converted')}
              </th>
              <th scope="col" className="report-table__number">
                {t('splits.rate')}
              </th>
              <th scope="col" className="report-table__number">
                {t('splits.interval')}
              </th>
            </tr>
          </thead>
          <tbody>
            {split.variants.map((variant) => (
              <tr key={variant.variantId} data-variant-id={variant.variantId}>
                <th scope="row">
                  {variant.label ?? variant.variantId}
                  {variant.holdout && <span className="muted"> ({t('splits.holdout')})</span>}
                </th>
                <td className="report-table__number" data-column="entered">
                  {formatCount(variant.entered)}
                </td>
                <td className="report-table__number" data-column="converted">
                  {formatCount(variant.converted)}
                </td>
                <td className="report-table__number" data-column="rate">
                  {variant.conversionRate === null ? NONE : formatPercent(variant.conversionRate)}
                </td>
                <td className="report-table__number" data-column="interval">
                  {variant.confidenceInterval
                    ? `${formatPercent(variant.confidenceInterval.low)} – ${formatPercent(variant.confidenceInterval.high)}`
                    : NONE}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="report-split__test" data-testid="split-test" data-state={test.state}>
        {test.state === 'notEnoughData' ? (
          <p>{t('splits.notEnoughData')}</p>
        ) : (
          <>
            <p>
              {t('splits.tested', {
                chiSquared: decimals(test.chiSquared, 2),
                degreesOfFreedom: test.degreesOfFreedom ?? NONE,
                pValue: decimals(test.pValue, 3),
              })}
            </p>
            <p>{test.significant ? t('splits.significant') : t('splits.notSignificant')}</p>
          </>
        )}
      </div>
      {split.tooEarlyToCall && (
        <p className="notice notice--warning report-split__early" role="note" data-testid="split-too-early">
          {t('splits.tooEarly')}
        </p>
      )}
    </article>
  );
}

export function SplitResults({ splits }: { splits: SplitResult[] }) {
  const { t } = useTranslation('reports');
  if (splits.length === 0) return <p className="muted">{t('splits.empty')}</p>;
  return (
    <div className="report-splits">
      {splits.map((split) => (
        <SplitResultView key={split.stepId} split={split} />
      ))}
    </div>
  );
}
