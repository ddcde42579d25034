import { useTranslation } from 'react-i18next';
import type { SeriesInterval } from './report-queries';

const INTERVALS: SeriesInterval[] = ['hour', 'day'];

/** Per hour or per day: a pair of radio buttons. */
export function SeriesIntervalToggle({
  interval,
  onChange,
}: {
  interval: SeriesInterval;
  onChange: (next: SeriesInterval) => void;
}) {
  const { t } = useTranslation('reports');
  return (
    <fieldset className="report-toggle">
      <legend>{t('series.interval')}</legend>
      {INTERVALS.map((option) => (
        <label key={option} className={`report-toggle__option${option === interval ? ' is-selected' : ''}`}>
          <input
            type="radio"
            name="series-interval"
            value={option}
            checked={option === interval}
            onChange={() => onChange(option)}
          />
          {t(`series.${option}`)}
        </label>
      ))}
    </fieldset>
  );
}
