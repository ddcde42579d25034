import { useTranslation } from 'react-i18next';
import type { ReportFilters } from './report-filters';

/** The version (all, or one published version) and the range of days the report covers. */
export function ReportFiltersBar({
  filters,
  versions,
  onChange,
}: {
  filters: ReportFilters;
  versions: number[];
  onChange: (change: Partial<ReportFilters>) => void;
}) {
  const { t } = useTranslation('reports');
  return (
    <form
      className="report-filters"
      aria-label={t('page.filters')}
      onSubmit={(event) => event.preventDefault()}
      data-testid="report-filters"
    >
      <div className="field field--inline">
        <label htmlFor="report-version">{t('page.version')}</label>
        <select
          id="report-version"
          value={filters.version ?? ''}
          onChange={(event) =>
            onChange({ version: event.target.value ? Number(event.target.value) : undefined })
          }
        >
          <option value="">{t('page.allVersions')}</option>
          {versions.map((version) => (
            <option key={version} value={version}>
              {t('page.versionOption', { version })}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--inline">
        <label htmlFor="report-from">{t('page.from')}</label>
        <input
          id="report-from"
          type="date"
          value={filters.from ?? ''}
          max={filters.to}
          aria-describedby="report-range-hint"
          onChange={(event) => onChange({ from: event.target.value || undefined })}
        />
      </div>
      <div className="field field--inline">
        <label htmlFor="report-to">{t('page.to')}</label>
        <input
          id="report-to"
          type="date"
          value={filters.to ?? ''}
          min={filters.from}
          aria-describedby="report-range-hint"
          onChange={(event) => onChange({ to: event.target.value || undefined })}
        />
      </div>
      {(filters.from || filters.to) && (
        <button
          type="button"
          className="button button--small"
          onClick={() => onChange({ from: undefined, to: undefined })}
        >
          {t('page.clearDates')}
        </button>
      )}
      <p id="report-range-hint" className="muted report-filters__hint">
        {t('page.rangeHint', { timeZone: filters.timeZone })}
      </p>
    </form>
  );
}
