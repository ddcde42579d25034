import { comparisonOperatorSchema, type Comparison, type PropertyFilter } from '@loa/engine/browser';
import { useTranslation } from 'react-i18next';
import { joinPath } from '../field-labels';
import { useConfigForm } from '../form-context';
import { asObject } from '../object-values';
import type { ObjectDescriptor } from '../schema-fields';
import { ComparisonRow } from './comparison-row';
import { useEventProperties } from './field-path-input';
import { MatchSelect } from './match-select';

export function isPropertyFilter(descriptor: ObjectDescriptor): boolean {
  const names = descriptor.fields.map((field) => field.name).sort();
  return names.join(',') === 'conditions,match';
}

/** Conditions on the event's properties, all or any of them. */
export function PropertyFilterEditor(props: {
  value: unknown;
  path: string;
  onChange: (filter: PropertyFilter) => void;
}) {
  const { t } = useTranslation('config');
  const { readOnly } = useConfigForm();
  const filter = asObject(props.value) as Partial<PropertyFilter>;
  const match = filter.match ?? 'all';
  const conditions = filter.conditions ?? [];
  const set = (next: Comparison[]) => props.onChange({ match, conditions: next });
  const properties = useEventProperties();
  return (
    <div className="property-filter">
      <MatchSelect
        value={match}
        path={joinPath(props.path, 'match')}
        onChange={(m) => props.onChange({ match: m, conditions })}
      />
      <ol className="config-list">
        {conditions.map((condition, index) => (
          <li key={index} className="config-list__item">
            <ComparisonRow
              value={condition}
              path={joinPath(props.path, `conditions.${index}`)}
              operators={[...comparisonOperatorSchema.options]}
              fieldType="unknown"
              fieldSuggestions={properties}
              onChange={(next) => set(conditions.map((old, i) => (i === index ? next : old)))}
            />
            <button
              type="button"
              className="button button--small config-list__remove"
              disabled={readOnly}
              aria-label={t('rules.removeRule')}
              onClick={() => set(conditions.filter((_, i) => i !== index))}
            >
              {t('remove')}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button--small"
        disabled={readOnly}
        onClick={() => set([...conditions, { field: '', operator: 'equals', value: '' }])}
      >
        + {t('rules.addRule')}
      </button>
    </div>
  );
}
