import { useTranslation } from 'react-i18next';
import type { FormNodeOutcome, FormOutcome } from './simulation-form';

const OUTCOMES: FormOutcome[] = ['delivered', 'seen', 'sent', 'failed'];
/** Zalo's ZNS codes a marketer meets most (packages/connectors/src/zalo/zns/zns.errors.ts); any code may be typed. */
const KNOWN_CODES = [
  { code: 'zns:-118', meaning: 'noZalo' },
  { code: 'zns:-114', meaning: 'cannotReceive' },
  { code: 'zns:-108', meaning: 'invalidPhone' },
  { code: 'zns:-115', meaning: 'quota' },
  { code: 'zns:-131', meaning: 'templateNotApproved' },
] as const;

/** What the provider answers at each send node: delivered, seen, sent without receipt, or failed with a code. */
export function OutcomeScript({
  sendNodes,
  outcomes,
  onChange,
}: {
  sendNodes: Array<{ id: string; name: string; type: string }>;
  outcomes: Record<string, FormNodeOutcome>;
  onChange: (outcomes: Record<string, FormNodeOutcome>) => void;
}) {
  const { t } = useTranslation('simulation');
  if (sendNodes.length === 0) return <p className="muted">{t('outcomes.noSends')}</p>;
  return (
    <ul className="sim-outcomes">
      <datalist id="sim-error-codes">
        {KNOWN_CODES.map(({ code, meaning }) => (
          <option key={code} value={code}>
            {t(`outcomes.codes.${meaning}`)}
          </option>
        ))}
      </datalist>
      {sendNodes.map((node) => {
        const current = outcomes[node.id] ?? { outcome: 'delivered', errorCode: '' };
        const set = (change: Partial<FormNodeOutcome>) =>
          onChange({ ...outcomes, [node.id]: { ...current, ...change } });
        return (
          <li key={node.id} className="sim-outcome" data-testid={`sim-outcome-${node.id}`}>
            <span className="sim-outcome__node">
              {node.name} <span className="chip">{node.type.replace('send.', '').toUpperCase()}</span>
            </span>
            <label className="field sim-field">
              <span className="visually-hidden">{t('outcomes.label', { node: node.name })}</span>
              <select
                value={current.outcome}
                onChange={(event) => set({ outcome: event.target.value as FormOutcome })}
              >
                {OUTCOMES.map((outcome) => (
                  <option key={outcome} value={outcome}>
                    {t(`outcomes.${outcome}`)}
                  </option>
                ))}
              </select>
            </label>
            {current.outcome === 'failed' && (
              <label className="field sim-field">
                <span className="visually-hidden">{t('outcomes.errorCode', { node: node.name })}</span>
                <input
                  list="sim-error-codes"
                  placeholder={t('outcomes.errorCodePlaceholder')}
                  value={current.errorCode}
                  onChange={(event) => set({ errorCode: event.target.value })}
                />
              </label>
            )}
          </li>
        );
      })}
    </ul>
  );
}
