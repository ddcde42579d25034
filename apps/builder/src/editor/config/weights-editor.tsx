import { useTranslation } from 'react-i18next';
import { FieldGroup, FieldShell } from './field-shell';
import { fieldLabel, joinPath } from './field-labels';
import { useConfigForm } from './form-context';
import {
  addVariant,
  evenWeights,
  removeVariant,
  setWeight,
  weightTotal,
  type WeightedVariant,
} from './split-weights';

const MAX_VARIANTS = 10;
const MIN_VARIANTS = 2;

function asVariants(value: unknown): WeightedVariant[] {
  return Array.isArray(value) ? (value as WeightedVariant[]) : [];
}

/** The split's variants: a weight changed moves the others so the total stays 100. */
export function WeightsEditor(props: {
  value: unknown;
  path: string;
  onChange: (variants: WeightedVariant[]) => void;
}) {
  const { t } = useTranslation('config');
  const { readOnly } = useConfigForm();
  const variants = asVariants(props.value);
  const total = weightTotal(variants);
  const change = props.onChange;
  return (
    <FieldGroup legend={fieldLabel(t, 'variants')} path={props.path}>
      <ol className="weights-editor">
        {variants.map((variant, index) => {
          const name = variant.label || variant.id;
          const path = joinPath(props.path, index);
          return (
            <li key={variant.id} className="weights-editor__variant" data-variant={variant.id}>
              <div className="weights-editor__bar" aria-hidden="true">
                <span style={{ width: `${variant.weight}%` }} />
              </div>
              <FieldShell label={t('weights.labelOf', { name: variant.id })} path={joinPath(path, 'label')}>
                {(a11y) => (
                  <input
                    {...a11y}
                    value={variant.label ?? ''}
                    placeholder={variant.id}
                    readOnly={readOnly}
                    onChange={(e) => {
                      const { label: _old, ...rest } = variant;
                      const next = e.target.value === '' ? rest : { ...rest, label: e.target.value };
                      change(variants.map((old, i) => (i === index ? next : old)));
                    }}
                  />
                )}
              </FieldShell>
              <FieldShell label={t('weights.weightOf', { name })} path={joinPath(path, 'weight')}>
                {(a11y) => (
                  <span className="weights-editor__weight">
                    <input
                      type="range"
                      min={0}
                      max={100}
                      step={1}
                      aria-label={t('weights.weightOf', { name })}
                      value={variant.weight}
                      disabled={readOnly}
                      tabIndex={-1}
                      onChange={(e) => change(setWeight(variants, index, Number(e.target.value)))}
                    />
                    <input
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={100}
                      step={1}
                      {...a11y}
                      value={variant.weight}
                      readOnly={readOnly}
                      onChange={(e) => change(setWeight(variants, index, Number(e.target.value)))}
                    />
                    <span aria-hidden="true">%</span>
                  </span>
                )}
              </FieldShell>
              <label className="weights-editor__holdout">
                <input
                  type="checkbox"
                  checked={variant.holdout === true}
                  disabled={readOnly}
                  onChange={(e) =>
                    change(
                      variants.map((old, i) => (i === index ? { ...old, holdout: e.target.checked } : old)),
                    )
                  }
                />
                {fieldLabel(t, 'holdout')}
              </label>
              <button
                type="button"
                className="button button--small"
                disabled={readOnly || variants.length <= MIN_VARIANTS}
                aria-label={t('weights.removeVariant', { name })}
                onClick={() => change(removeVariant(variants, index))}
              >
                {t('remove')}
              </button>
            </li>
          );
        })}
      </ol>
      <div className="weights-editor__footer">
        <output
          className={`weights-editor__total${total === 100 ? '' : ' weights-editor__total--off'}`}
          aria-live="polite"
        >
          {t('weights.total', { total })}
        </output>
        <button
          type="button"
          className="button button--small"
          disabled={readOnly}
          onClick={() => change(evenWeights(variants))}
        >
          {t('weights.even')}
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={readOnly || variants.length >= MAX_VARIANTS}
          onClick={() => change(addVariant(variants, (id) => ({ id, weight: 0, holdout: false })))}
        >
          + {t('weights.addVariant')}
        </button>
      </div>
      {variants.length < MIN_VARIANTS && <p className="config-field__issues">{t('weights.minVariants')}</p>}
    </FieldGroup>
  );
}
