import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useFieldArray, useForm, type FieldError as HookFormError, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FieldError, SERVER_ERROR } from '../field-error';
import { formErrorsOf } from '../field-errors';
import { FrequencyCapsFields } from './frequency-caps-fields';
import {
  isWorkspaceFormField,
  toWorkspaceChange,
  toWorkspaceForm,
  workspaceFormSchema,
  type WorkspaceForm,
} from './workspace-form';
import { useUpdateWorkspace, type Workspace } from './workspace-queries';

const TIME_ZONES: readonly string[] = Intl.supportedValuesOf('timeZone');

export function WorkspaceSettingsForm({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation('settings');
  const update = useUpdateWorkspace();
  const [saved, setSaved] = useState(false);
  const form = useForm<WorkspaceForm>({
    resolver: zodResolver(workspaceFormSchema),
    defaultValues: toWorkspaceForm(workspace),
  });
  const caps = useFieldArray({ control: form.control, name: 'frequencyCaps' });
  const { errors, isSubmitting } = form.formState;
  const quietHoursOn = form.watch('quietHoursOn');
  const invalid = (error: HookFormError | undefined) => (error ? true : undefined);

  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(false);
    try {
      const next = await update.mutateAsync(toWorkspaceChange(values));
      form.reset(toWorkspaceForm(next));
      setSaved(true);
    } catch (error) {
      const { fields, root } = formErrorsOf(error, isWorkspaceFormField);
      for (const { field, message } of fields)
        form.setError(
          field as FieldPath<WorkspaceForm>,
          { type: SERVER_ERROR, message },
          { shouldFocus: true },
        );
      if (root) form.setError('root', { message: root });
    }
  });

  return (
    <form className="settings-form settings-card" onSubmit={onSubmit} noValidate data-testid="workspace-form">
      <label className="field">
        <span>{t('workspace.name')}</span>
        <input aria-invalid={invalid(errors.name)} {...form.register('name')} />
        <FieldError error={errors.name} />
      </label>
      <label className="field">
        <span>{t('workspace.timezone')}</span>
        <input
          list="time-zones"
          aria-invalid={invalid(errors.timezone)}
          aria-describedby="timezone-help"
          {...form.register('timezone')}
        />
        <span className="muted settings__help" id="timezone-help" aria-hidden="true">
          {t('workspace.timezoneHelp')}
        </span>
        <FieldError error={errors.timezone} />
      </label>
      <datalist id="time-zones">
        {TIME_ZONES.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <label className="settings-check">
        <input type="checkbox" {...form.register('approvalRequired')} />
        <span>{t('workspace.approvalRequired')}</span>
      </label>
      <fieldset className="settings-group">
        <legend>{t('workspace.quietHours')}</legend>
        <p className="muted settings__help">{t('workspace.defaultsHelp')}</p>
        <label className="settings-check">
          <input type="checkbox" {...form.register('quietHoursOn')} />
          <span>{t('workspace.quietHoursOn')}</span>
        </label>
        {quietHoursOn && (
          <div className="settings-form--row">
            <label className="field">
              <span>{t('workspace.quietStart')}</span>
              <input
                type="time"
                aria-invalid={invalid(errors.quietHours?.start)}
                {...form.register('quietHours.start')}
              />
              <FieldError error={errors.quietHours?.start} />
            </label>
            <label className="field">
              <span>{t('workspace.quietEnd')}</span>
              <input
                type="time"
                aria-invalid={invalid(errors.quietHours?.end)}
                {...form.register('quietHours.end')}
              />
              <FieldError error={errors.quietHours?.end} />
            </label>
          </div>
        )}
      </fieldset>
      <FrequencyCapsFields form={form} caps={caps} />
      {errors.root?.message && (
        <p className="form-error" role="alert">
          {errors.root.message}
        </p>
      )}
      <p role="status" className="settings__saved">
        {saved && !form.formState.isDirty ? t('workspace.saved') : ''}
      </p>
      <button type="submit" className="button button--primary" disabled={isSubmitting}>
        {t('save', { ns: 'common' })}
      </button>
    </form>
  );
}
