import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UploadedImport } from './import-queries';
import { useUploadImport } from './import-queries';

/** A CSV file chosen with the file input or dropped on the zone, uploaded at once. */
export function UploadStep({ onUploaded }: { onUploaded: (uploaded: UploadedImport) => void }) {
  const { t } = useTranslation('imports');
  const upload = useUploadImport();
  const [dragging, setDragging] = useState(false);

  const send = (file: File | undefined) => {
    if (file) upload.mutate(file, { onSuccess: onUploaded });
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    send(event.dataTransfer.files[0]);
  };

  return (
    <section className="import-step" aria-labelledby="import-upload-title">
      <h2 id="import-upload-title">{t('steps.upload')}</h2>
      <p className="muted">{t('upload.intro')}</p>
      <div
        className={`import-drop${dragging ? ' import-drop--active' : ''}`}
        data-testid="import-drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>{t('upload.drop')}</p>
        <label className="button button--primary">
          {t('upload.choose')}
          <input
            type="file"
            accept=".csv,text/csv"
            className="visually-hidden"
            disabled={upload.isPending}
            onChange={(event) => send(event.target.files?.[0])}
          />
        </label>
      </div>
      {upload.isPending && <p role="status">{t('upload.uploading', { name: upload.variables.name })}</p>}
      {upload.isError && (
        <p className="form-error" role="alert">
          {t('upload.failed', { detail: upload.error.message })}
        </p>
      )}
    </section>
  );
}
