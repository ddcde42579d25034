import { useTranslation } from 'react-i18next';
import type { UploadedImport } from './import-queries';

/** The file's header and first rows as the API read them. */
export function PreviewTable({ uploaded }: { uploaded: UploadedImport }) {
  const { t } = useTranslation('imports');
  return (
    <section className="import-step" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title">{t('preview.title')}</h2>
      <div className="import-table-scroll" tabIndex={0} role="region" aria-labelledby="import-preview-title">
        <table className="table import-preview" data-testid="import-preview">
          <caption>
            {t('preview.caption', { name: uploaded.fileName, count: uploaded.sampleRows.length })}
          </caption>
          <thead>
            <tr>
              {uploaded.header.map((column, index) => (
                <th scope="col" key={index}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {uploaded.sampleRows.map((row, rowIndex) => (
              <tr key={rowIndex}>
                {uploaded.header.map((_column, index) => (
                  <td key={index}>{row[index] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
