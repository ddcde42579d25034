import { useTranslation } from 'react-i18next';
import type { InputA11y } from '../field-shell';
import { useConfigForm } from '../form-context';

type ScalarType = 'text' | 'number' | 'boolean' | 'null';

function typeOf(value: unknown): ScalarType {
  if (value === null) return 'null';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'text';
}

/** A string, number, boolean or empty value: its type chosen beside it, so "1" and 1 stay apart. */
export function ScalarInput(props: {
  a11y: InputA11y;
  value: unknown;
  onChange: (value: string | number | boolean | null) => void;
}) {
  const { t } = useTranslation('config');
  const { readOnly } = useConfigForm();
  const type = typeOf(props.value);
  const retype = (next: ScalarType) => {
    if (next === 'null') props.onChange(null);
    else if (next === 'boolean') props.onChange(true);
    else if (next === 'number') props.onChange(Number(props.value) || 0);
    else props.onChange(props.value === null || props.value === undefined ? '' : String(props.value));
  };
  return (
    <span className="scalar-input">
      {type === 'text' && (
        <input
          {...props.a11y}
          value={typeof props.value === 'string' ? props.value : ''}
          readOnly={readOnly}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
      {type === 'number' && (
        <input
          type="number"
          {...props.a11y}
          value={props.value as number}
          readOnly={readOnly}
          onChange={(e) => props.onChange(Number(e.target.value))}
        />
      )}
      {type === 'boolean' && (
        <select
          {...props.a11y}
          value={String(props.value)}
          disabled={readOnly}
          onChange={(e) => props.onChange(e.target.value === 'true')}
        >
          <option value="true">{t('yes')}</option>
          <option value="false">{t('no')}</option>
        </select>
      )}
      {type === 'null' && <input {...props.a11y} value="" placeholder={t('types.null')} readOnly />}
      <select
        aria-label={`${t('types.text')} / ${t('types.number')}`}
        className="scalar-input__type"
        value={type}
        disabled={readOnly}
        onChange={(e) => retype(e.target.value as ScalarType)}
      >
        {(['text', 'number', 'boolean', 'null'] as const).map((option) => (
          <option key={option} value={option}>
            {t(`types.${option}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
