import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isProblem } from '../api/api-problem';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { ImportCounts } from './import-counts';
import { stepOf } from './import-progress';
import {
  useContactAttributes,
  useImport,
  useStartImport,
  type ColumnMapping,
  type ContactImport,
  type MappingTarget,
  type UploadedImport,
} from './import-queries';
import { adoptDefinitions, mappingErrorsByPosition } from './mapping-choices';
import { MappingStep, type ImportMode } from './mapping-step';
import { PreviewTable } from './preview-table';
import { RefusedRows } from './refused-rows';
import { RunProgress } from './run-progress';
import { UploadStep } from './upload-step';
import { WizardSteps } from './wizard-steps';

/** `/contacts/import`: upload → preview and mapping → dry run → import with progress → summary. */
export function ImportWizardPage() {
  const { t } = useTranslation('imports');
  const me = useMe();
  return (
    <section className="page import-page" aria-labelledby="import-title">
      <div className="page__header">
        <h1 id="import-title">{t('title')}</h1>
        <Link to="/imports" className="button">
          {t('listTitle')}
        </Link>
      </div>
      {can(me.role, 'contacts.import') ? <ImportWizard /> : <p role="alert">{t('forbidden')}</p>}
    </section>
  );
}

function ImportWizard() {
  const [uploaded, setUploaded] = useState<UploadedImport>();
  const [wizardKey, setWizardKey] = useState(0);
  if (!uploaded) return <UploadStepWithSteps key={wizardKey} onUploaded={setUploaded} />;
  return (
    <UploadedImportWizard
      key={uploaded.id}
      uploaded={uploaded}
      onRestart={() => {
        setUploaded(undefined);
        setWizardKey((key) => key + 1);
      }}
    />
  );
}

function UploadStepWithSteps({ onUploaded }: { onUploaded: (uploaded: UploadedImport) => void }) {
  return (
    <>
      <WizardSteps current="upload" />
      <UploadStep onUploaded={onUploaded} />
    </>
  );
}

function UploadedImportWizard({ uploaded, onRestart }: { uploaded: UploadedImport; onRestart: () => void }) {
  const { t } = useTranslation('imports');
  const attributes = useContactAttributes();
  const current = useImport(uploaded.id).data;
  const start = useStartImport(uploaded.id);
  const [edited, setEdited] = useState<ColumnMapping[]>();
  const [mode, setMode] = useState<ImportMode>('both');
  const [editing, setEditing] = useState(false);
  /** The rows the dry run read: the run's progress bar measures against them. */
  const [totalRows, setTotalRows] = useState<number>();

  const mapping = edited ?? adoptDefinitions(uploaded.proposedMapping, attributes.data ?? []);
  const step = stepOf(current ?? { status: 'uploaded', dryRun: false }, editing);
  const startError = start.error;
  const mappingErrors = isProblem(startError) ? mappingErrorsByPosition(startError.fieldErrors) : new Map();

  const onTargetChange = (index: number, target: MappingTarget) =>
    setEdited(mapping.map((column, position) => (position === index ? { ...column, target } : column)));
  const startRun = (dryRun: boolean, onStarted?: () => void) =>
    start.mutate({ mapping, mode, dryRun }, { onSuccess: onStarted });

  return (
    <>
      <WizardSteps current={step} />
      {step === 'mapping' && (
        <>
          <PreviewTable uploaded={uploaded} />
          <MappingStep
            uploaded={uploaded}
            mapping={mapping}
            attributes={attributes.data ?? []}
            mode={mode}
            errors={mappingErrors}
            onTargetChange={onTargetChange}
            onModeChange={setMode}
          />
          <StartError error={startError} />
          <div className="import-actions">
            <button type="button" className="button" onClick={onRestart}>
              {t('mapping.restart')}
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={start.isPending}
              onClick={() => startRun(true, () => setEditing(false))}
            >
              {start.isPending ? t('mapping.starting') : t('mapping.dryRun')}
            </button>
          </div>
        </>
      )}
      {step === 'dryRun' && current && (
        <DryRunStep
          current={current}
          starting={start.isPending}
          startError={startError}
          onEdit={() => {
            start.reset();
            setEditing(true);
          }}
          onRun={() => {
            setTotalRows(current.progress.rowsRead);
            startRun(false);
          }}
        />
      )}
      {(step === 'run' || step === 'summary') && current && (
        <section className="import-step" aria-labelledby="import-run-title">
          <h2 id="import-run-title">{step === 'run' ? t('run.title') : t('summary.title')}</h2>
          <RunProgress current={current} totalRows={totalRows} canCancel={step === 'run'} />
          {step === 'summary' && <SummaryMessage current={current} />}
          <ImportCounts progress={current.progress} />
          {step === 'summary' && (
            <>
              <RefusedRows current={current} />
              <div className="import-actions">
                <Link to="/imports" className="button">
                  {t('summary.toList')}
                </Link>
                <button type="button" className="button button--primary" onClick={onRestart}>
                  {t('summary.another')}
                </button>
              </div>
            </>
          )}
        </section>
      )}
    </>
  );
}

function DryRunStep({
  current,
  starting,
  startError,
  onEdit,
  onRun,
}: {
  current: ContactImport;
  starting: boolean;
  startError: Error | null;
  onEdit: () => void;
  onRun: () => void;
}) {
  const { t } = useTranslation('imports');
  const finished =
    current.status === 'completed' || current.status === 'failed' || current.status === 'cancelled';
  return (
    <section className="import-step" aria-labelledby="import-dry-run-title">
      <h2 id="import-dry-run-title">{t('dryRun.title')}</h2>
      <p className="muted">{t('dryRun.intro')}</p>
      {!finished ? (
        <p role="status" data-testid="import-dry-run-running">
          {t('dryRun.running', { rows: current.progress.rowsRead.toLocaleString('vi-VN') })}
        </p>
      ) : (
        <>
          {current.status === 'failed' && (
            <p className="form-error" role="alert">
              {t('summary.failed', { name: current.fileName, detail: current.failure ?? '' })}
            </p>
          )}
          <ImportCounts progress={current.progress} />
          <RefusedRows current={current} />
          <StartError error={startError} />
          <div className="import-actions">
            <button type="button" className="button" onClick={onEdit}>
              {t('dryRun.editMapping')}
            </button>
            {current.status === 'completed' && (
              <button type="button" className="button button--primary" disabled={starting} onClick={onRun}>
                {t('dryRun.run', { rows: current.progress.rowsRead.toLocaleString('vi-VN') })}
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}

function SummaryMessage({ current }: { current: ContactImport }) {
  const { t } = useTranslation('imports');
  if (current.status === 'failed')
    return (
      <p className="form-error" role="alert">
        {t('summary.failed', { name: current.fileName, detail: current.failure ?? '' })}
      </p>
    );
  return (
    <p role="status" data-testid="import-summary">
      {t(current.status === 'cancelled' ? 'summary.cancelled' : 'summary.completed', {
        name: current.fileName,
      })}
    </p>
  );
}

/** Why the API refused to start (its detail names every field); a complaint about one column is also on its row. */
function StartError({ error }: { error: Error | null }) {
  const { t } = useTranslation('imports');
  if (!error) return null;
  return (
    <p className="form-error" role="alert" data-testid="import-start-error">
      {t('mapping.startFailed', { detail: error.message })}
    </p>
  );
}
