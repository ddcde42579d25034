import { useTranslation } from 'react-i18next';
import type { WizardStep } from './import-progress';

const STEPS: readonly WizardStep[] = ['upload', 'mapping', 'dryRun', 'run', 'summary'];

/** Where the wizard is, as an ordered list with the current step marked. */
export function WizardSteps({ current }: { current: WizardStep }) {
  const { t } = useTranslation('imports');
  const at = STEPS.indexOf(current);
  return (
    <ol className="import-steps" aria-label={t('steps.label')}>
      {STEPS.map((step, index) => (
        <li
          key={step}
          className={`import-steps__step${index < at ? ' import-steps__step--done' : ''}`}
          aria-current={step === current ? 'step' : undefined}
        >
          {t(`steps.${step}`)}
        </li>
      ))}
    </ol>
  );
}
