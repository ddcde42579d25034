import type { UseFieldArrayReturn, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../field-error';
import { CHANNELS, TIME_UNITS, type WorkspaceForm } from './workspace-form';

/** Per-contact caps: at most `max` messages on a channel per period; one row per cap. */
export function FrequencyCapsFields({
  form,
  caps,
}: {
  form: UseFormReturn<WorkspaceForm>;
  caps: UseFieldArrayReturn<WorkspaceForm, 'frequencyCaps'>;
}) {
  const { t } = useTranslation('settings');
  const errors = form.formState.errors.frequencyCaps;

  return (
    <fieldset className="settings-group" data-testid="frequency-caps">
      <legend>{t('workspace.frequencyCaps')}</legend>
      <p className="muted settings__help">{t('workspace.capsHelp')}</p>
      {caps.fields.length === 0 && <p className="muted">{t('workspace.noCaps')}</p>}
      {caps.fields.map((cap, index) => {
        const row = errors?.[index];
        const which = (
          <span className="visually-hidden"> {t('workspace.capNumber', { number: index + 1 })}</span>
        );
        return (
          <div key={cap.id} className="settings-cap" data-testid="frequency-cap">
            <label className="field">
              <span>
                {t('workspace.capChannel')}
                {which}
              </span>
              <select {...form.register(`frequencyCaps.${index}.channel`)}>
                {CHANNELS.map((channel) => (
                  <option key={channel} value={channel}>
                    {t(`workspace.channels.${channel}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>
                {t('workspace.capMax')}
                {which}
              </span>
              <input
                type="number"
                min={1}

                aria-invalid={row?.max ? true : undefined}
                {...form.register(`frequencyCaps.${index}.max`, { valueAsNumber: true })}
              />
              <FieldError error={row?.max} />
            </label>
            <label className="field">
              <span>
                {t('workspace.capPer')}
                {which}
              </span>
              <input
                type="number"
                min={1}

                aria-invalid={row?.per?.amount ? true : undefined}
                {...form.register(`frequencyCaps.${index}.per.amount`, { valueAsNumber: true })}
              />
              <FieldError error={row?.per?.amount} />
            </label>
            <label className="field">
              <span>
                {t('workspace.capUnit')}
                {which}
              </span>
              <select {...form.register(`frequencyCaps.${index}.per.unit`)}>
                {TIME_UNITS.map((unit) => (
                  <option key={unit} value={unit}>
                    {t(`workspace.units.${unit}`)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="button button--small" onClick={() => caps.remove(index)}>
              {t('workspace.removeCap', { number: index + 1 })}
            </button>
          </div>
        );
      })}
      <FieldError error={errors?.root} />
      {caps.fields.length < 10 && (
        <button
          type="button"
          className="button button--small"
          onClick={() => caps.append({ channel: 'sms', max: 3, per: { amount: 1, unit: 'days' } })}
        >
          {t('workspace.addCap')}
        </button>
      )}
    </fieldset>
  );
}
