import type { Comparison } from '@loa/engine/browser';
import { useTranslation } from 'react-i18next';
import { FieldShell } from '../field-shell';
import { fieldLabel, joinPath } from '../field-labels';
import { useConfigForm } from '../form-context';
import {
  coerceValue,
  valueShapeOf,
  withOperator,
  type AttributeOperator,
  type AttributeRule,
  type FieldType,
} from '../rule-model';
import { DurationInput } from './duration-input';
import { FieldPathInput } from './field-path-input';

type Compared = Pick<AttributeRule, 'field' | 'operator' | 'value' | 'period'>;

/** Field, operator and value (a list for in/not_in, a period for relative dates, nothing for exists). */
export function ComparisonRow<T extends Compared | Comparison>(props: {
  value: T;
  path: string;
  operators: AttributeOperator[];
  fieldType: FieldType;
  enumValues?: string[] | null;
  fieldSuggestions?: Array<{ key: string; label: string }>;
  onChange: (value: T) => void;
}) {
  const { t } = useTranslation('config');
  const { readOnly } = useConfigForm();
  const { value, path, onChange, fieldType } = props;
  const operator = value.operator as AttributeOperator;
  const shape = valueShapeOf(operator);
  const operators = props.operators.includes(operator) ? props.operators : [operator, ...props.operators];
  // Attribute rules carry their kind; event property comparisons do not.
  const rebuild = (rule: AttributeRule): T => {
    if ('kind' in value) return rule as unknown as T;
    const { kind: _kind, ...rest } = rule;
    return rest as unknown as T;
  };
  const asRule = { ...value, kind: 'attribute' } as AttributeRule;
  const setOperator = (next: AttributeOperator) => onChange(rebuild(withOperator(asRule, next)));
  const single = value.value === undefined || value.value === null ? '' : String(value.value);
  const list = Array.isArray(value.value) ? value.value.map(String) : [];
  return (
    <div className="comparison-row">
      <FieldShell label={fieldLabel(t, 'field')} path={joinPath(path, 'field')}>
        {(a11y) => (
          <FieldPathInput
            a11y={a11y}
            value={value.field}
            suggestions={props.fieldSuggestions}
            onChange={(field) => onChange({ ...value, field })}
          />
        )}
      </FieldShell>
      <FieldShell label={fieldLabel(t, 'operator')} path={joinPath(path, 'operator')}>
        {(a11y) => (
          <select
            {...a11y}
            value={operator}
            disabled={readOnly}
            onChange={(e) => setOperator(e.target.value as AttributeOperator)}
          >
            {operators.map((option) => (
              <option key={option} value={option}>
                {t(`rules.operators.${option}`)}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
      {shape === 'single' && (
        <FieldShell label={fieldLabel(t, 'value')} path={joinPath(path, 'value')}>
          {(a11y) =>
            props.enumValues?.length || fieldType === 'boolean' ? (
              <select
                {...a11y}
                value={single}
                disabled={readOnly}
                onChange={(e) => onChange({ ...value, value: coerceValue(e.target.value, fieldType) })}
              >
                <option value="">{t('none')}</option>
                {(fieldType === 'boolean' ? ['true', 'false'] : (props.enumValues ?? [])).map((option) => (
                  <option key={option} value={option}>
                    {fieldType === 'boolean' ? t(option === 'true' ? 'yes' : 'no') : option}
                  </option>
                ))}
              </select>
            ) : (
              <input
                {...a11y}
                type={fieldType === 'date' ? 'date' : fieldType === 'number' ? 'number' : 'text'}
                value={single}
                readOnly={readOnly}
                onChange={(e) => onChange({ ...value, value: coerceValue(e.target.value, fieldType) })}
              />
            )
          }
        </FieldShell>
      )}
      {shape === 'list' && (
        <FieldShell label={fieldLabel(t, 'value')} path={joinPath(path, 'value')} hint={t('listHint')}>
          {(a11y) => (
            <textarea
              {...a11y}
              rows={3}
              value={list.join('\n')}
              readOnly={readOnly}
              onChange={(e) =>
                onChange({
                  ...value,
                  value: e.target.value.split('\n').map((line) => coerceValue(line, fieldType)),
                })
              }
            />
          )}
        </FieldShell>
      )}
      {shape === 'period' && (
        <DurationInput
          value={(value as Compared).period}
          path={joinPath(path, 'period')}
          onChange={(period) => onChange(rebuild({ ...asRule, period } as AttributeRule))}
        />
      )}
    </div>
  );
}
