import { useTranslation } from 'react-i18next';
import type { KeyValue } from './simulation-form';

/** Rows of key and value inputs (attributes, event properties), each labelled, with add and remove. */
export function KeyValueEditor({
  legend,
  pairs,
  onChange,
  keyPlaceholder,
}: {
  legend: string;
  pairs: KeyValue[];
  onChange: (pairs: KeyValue[]) => void;
  keyPlaceholder?: string;
}) {
  const { t } = useTranslation('simulation');
  const update = (index: number, change: Partial<KeyValue>) =>
    onChange(pairs.map((pair, at) => (at === index ? { ...pair, ...change } : pair)));
  return (
    <fieldset className="kv">
      <legend className="kv__legend">{legend}</legend>
      {pairs.map((pair, index) => (
        <div className="kv__row" key={index}>
          <input
            aria-label={t('kv.key', { legend, row: index + 1 })}
            placeholder={keyPlaceholder ?? t('kv.keyPlaceholder')}
            value={pair.key}
            onChange={(event) => update(index, { key: event.target.value })}
          />
          <input
            aria-label={t('kv.value', { legend, row: index + 1 })}
            placeholder={t('kv.valuePlaceholder')}
            value={pair.value}
            onChange={(event) => update(index, { value: event.target.value })}
          />
          <button
            type="button"
            className="button button--subtle button--small kv__remove"
            aria-label={t('kv.remove', { legend, row: index + 1 })}
            onClick={() => onChange(pairs.filter((_, at) => at !== index))}
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--subtle button--small"
        onClick={() => onChange([...pairs, { key: '', value: '' }])}
      >
        {t('kv.add')}
      </button>
    </fieldset>
  );
}
