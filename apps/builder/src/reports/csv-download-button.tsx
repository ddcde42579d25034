import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { csvFileName } from './csv-file-name';
import type { ReportFilters } from './report-filters';
import { fetchReportCsv, type ReportTable, type SeriesInterval } from './report-queries';

/** Saves a file the browser already holds, as a download. */
function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** "Download CSV" of one report table, with the filters the screen shows. */
export function CsvDownloadButton({
  table,
  tableName,
  campaignId,
  filters,
  interval,
}: {
  table: ReportTable;
  tableName: string;
  campaignId: string;
  filters: ReportFilters;
  interval?: SeriesInterval;
}) {
  const { t } = useTranslation('reports');
  const download = useMutation({
    mutationFn: () => fetchReportCsv(table, campaignId, filters, interval),
    onSuccess: (blob) => saveBlob(blob, csvFileName(table, filters, interval)),
  });
  return (
    <span className="report-csv">
      <button
        type="button"
        className="button button--small"
        aria-label={t('csv.downloadOf', { table: tableName })}
        aria-busy={download.isPending || undefined}
        disabled={download.isPending}
        onClick={() => download.mutate()}
        data-testid={`csv-${table}`}
      >
        {t('csv.download')}
      </button>
      {download.error && (
        <span role="alert" className="report-csv__error">
          {t('csv.failed', { message: download.error.message })}
        </span>
      )}
    </span>
  );
}
