import { useTranslation } from 'react-i18next';
import type { ContactImport } from './import-queries';

const COUNTS = ['rowsRead', 'created', 'updated', 'unchanged', 'skipped', 'failed'] as const;

/** The progress counters of an import (for a dry run: what it would do). */
export function ImportCounts({ progress }: { progress: ContactImport['progress'] }) {
  const { t } = useTranslation('imports');
  return (
    <dl className="import-counts" data-testid="import-counts">
      {COUNTS.map((count) => (
        <div key={count} className={`import-counts__item import-counts__item--${count}`} data-count={count}>
          <dt>{t(`counts.${count}`)}</dt>
          <dd>{progress[count].toLocaleString('vi-VN')}</dd>
        </div>
      ))}
    </dl>
  );
}
