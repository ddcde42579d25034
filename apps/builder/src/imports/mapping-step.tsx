import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type {
  AttributeDefinition,
  ColumnMapping,
  MappingTarget,
  StartImportBody,
  UploadedImport,
} from './import-queries';
import {
  DATE_FORMATS,
  choiceValue,
  hasDateFormat,
  targetChoices,
  type DateFormat,
  type TargetChoice,
} from './mapping-choices';

export type ImportMode = NonNullable<StartImportBody['mode']>;
const MODES: readonly ImportMode[] = ['both', 'create', 'update'];
const GROUPS: readonly TargetChoice['group'][] = ['identity', 'field', 'attribute', 'newAttribute', 'skip'];

interface MappingStepProps {
  uploaded: UploadedImport;
  mapping: ColumnMapping[];
  attributes: readonly AttributeDefinition[];
  mode: ImportMode;
  errors: Map<number, string>;
  onTargetChange: (index: number, target: MappingTarget) => void;
  onModeChange: (mode: ImportMode) => void;
}

/** One select per column, proposed by the API and editable, and what to do with existing contacts. */
export function MappingStep({
  uploaded,
  mapping,
  attributes,
  mode,
  errors,
  onTargetChange,
  onModeChange,
}: MappingStepProps) {
  const { t } = useTranslation('imports');
  return (
    <section className="import-step" aria-labelledby="import-mapping-title">
      <h2 id="import-mapping-title">{t('mapping.title')}</h2>
      <p className="muted">{t('mapping.intro')}</p>
      <table className="table import-mapping" data-testid="import-mapping">
        <thead>
          <tr>
            <th scope="col">{t('mapping.column')}</th>
            <th scope="col">{t('mapping.sample')}</th>
            <th scope="col">{t('mapping.target')}</th>
          </tr>
        </thead>
        <tbody>
          {mapping.map(({ column, target }, index) => {
            const choices = targetChoices(uploaded.proposedMapping[index]?.target ?? target, attributes);
            const error = errors.get(index);
            const errorId = `import-mapping-error-${index}`;
            return (
              <tr key={index} data-testid="import-mapping-row" data-column={column}>
                <th scope="row">{column}</th>
                <td className="muted">{uploaded.sampleRows[0]?.[index] ?? ''}</td>
                <td>
                  <select
                    aria-label={t('mapping.targetFor', { column })}
                    value={choiceValue(target)}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? errorId : undefined}
                    onChange={(event) => {
                      const picked = choices.find((choice) => choice.value === event.target.value);
                      if (picked) onTargetChange(index, picked.target);
                    }}
                  >
                    {GROUPS.map((group) => {
                      const inGroup = choices.filter((choice) => choice.group === group);
                      return inGroup.length === 0 ? null : (
                        <optgroup key={group} label={t(`mapping.groups.${group}`)}>
                          {inGroup.map((choice) => (
                            <option key={choice.value} value={choice.value}>
                              {choiceLabel(choice, attributes, t)}
                            </option>
                          ))}
                        </optgroup>
                      );
                    })}
                  </select>
                  {hasDateFormat(target) && (
                    <select
                      className="import-mapping__date-format"
                      aria-label={t('mapping.dateFormatFor', { column })}
                      value={target.dateFormat ?? 'iso'}
                      onChange={(event) =>
                        onTargetChange(index, { ...target, dateFormat: event.target.value as DateFormat })
                      }
                    >
                      {DATE_FORMATS.map((format) => (
                        <option key={format} value={format}>
                          {format === 'iso' ? 'ISO 8601' : format}
                        </option>
                      ))}
                    </select>
                  )}
                  {error && (
                    <p className="field__error" id={errorId}>
                      {error}
                    </p>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <label className="field import-mode">
        <span className="field__label">{t('mapping.mode')}</span>
        <select value={mode} onChange={(event) => onModeChange(event.target.value as ImportMode)}>
          {MODES.map((value) => (
            <option key={value} value={value}>
              {t(`mapping.modes.${value}`)}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}

function choiceLabel(
  { group, target }: TargetChoice,
  attributes: readonly AttributeDefinition[],
  t: TFunction,
): string {
  switch (target.kind) {
    case 'identity':
      return t('mapping.identity', { name: t(`fields.${target.key}`) });
    case 'field':
      return t(`fields.${target.field}`);
    case 'skip':
      return t('mapping.skip');
    case 'attribute': {
      if (group === 'newAttribute')
        return t('mapping.newAttribute', { key: target.key, type: t(`types.${target.type}`) });
      const label = attributes.find((definition) => definition.key === target.key)?.label ?? target.key;
      return `${label} (${t(`types.${target.type}`)})`;
    }
  }
}
