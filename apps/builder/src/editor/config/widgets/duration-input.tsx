import { timeUnitSchema, type TimeUnit } from '@loa/engine/browser';
import { useTranslation } from 'react-i18next';
import { formatDuration, languageOf } from '../duration-words';
import { FieldShell } from '../field-shell';
import { fieldLabel, joinPath, optionLabel } from '../field-labels';
import { useConfigForm } from '../form-context';
import { asObject } from '../object-values';
import type { ObjectDescriptor } from '../schema-fields';

export function isDuration(descriptor: ObjectDescriptor): boolean {
  const names = descriptor.fields.map((field) => field.name).sort();
  return names.join(',') === 'amount,unit';
}

/** Amount and unit side by side, said back in words ("2 ngày"). */
export function DurationInput(props: {
  value: unknown;
  path: string;
  onChange: (value: { amount?: number; unit: TimeUnit }) => void;
}) {
  const { t, i18n } = useTranslation('config');
  const { readOnly } = useConfigForm();
  const current = asObject(props.value);
  const amount = typeof current.amount === 'number' ? current.amount : undefined;
  const unit = timeUnitSchema.safeParse(current.unit).data ?? 'days';
  const change = (next: { amount?: number; unit: TimeUnit }) => {
    const value: { amount?: number; unit: TimeUnit } = { unit: next.unit };
    if (next.amount !== undefined) value.amount = next.amount;
    props.onChange(value);
  };
  return (
    <div className="duration-input">
      <FieldShell label={fieldLabel(t, 'amount')} path={joinPath(props.path, 'amount')}>
        {(a11y) => (
          <input
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            {...a11y}
            value={amount ?? ''}
            readOnly={readOnly}
            onChange={(e) =>
              change({ amount: e.target.value === '' ? undefined : Number(e.target.value), unit })
            }
          />
        )}
      </FieldShell>
      <FieldShell label={fieldLabel(t, 'unit')} path={joinPath(props.path, 'unit')}>
        {(a11y) => (
          <select
            {...a11y}
            value={unit}
            disabled={readOnly}
            onChange={(e) =>
              change({ ...(amount !== undefined && { amount }), unit: e.target.value as TimeUnit })
            }
          >
            {timeUnitSchema.options.map((option) => (
              <option key={option} value={option}>
                {optionLabel(t, option)}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
      {amount !== undefined && amount > 0 && (
        <output className="duration-input__words" aria-live="polite">
          {formatDuration(amount, unit, languageOf(i18n.resolvedLanguage))}
        </output>
      )}
    </div>
  );
}
