import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FieldError, SERVER_ERROR } from '../field-error';
import { formErrorsOf } from '../field-errors';
import { OneTimeSecret } from '../one-time-secret';
import { KEY_SCOPES, useCreateApiKey } from './api-key-queries';

const createSchema = z.object({
  name: z.string().trim().min(1, { message: 'apiKeys.create.nameRequired' }).max(100),
  scope: z.enum(KEY_SCOPES),
});
type CreateForm = z.infer<typeof createSchema>;

/** Name a key and pick its scope; the key itself is shown once, with a copy button. */
export function CreateApiKeyForm() {
  const { t } = useTranslation('settings');
  const create = useCreateApiKey();
  const id = useId();
  const [created, setCreated] = useState<{ name: string; key: string }>();
  const form = useForm<CreateForm>({
    resolver: zodResolver(createSchema),
    defaultValues: { name: '', scope: 'ingest' },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const apiKey = await create.mutateAsync(values);
      setCreated({ name: apiKey.name, key: apiKey.key });
      form.reset();
    } catch (error) {
      const { fields, root } = formErrorsOf(error, (field) => field === 'name' || field === 'scope');
      for (const { field, message } of fields)
        form.setError(field as keyof CreateForm, { type: SERVER_ERROR, message });
      if (root) form.setError('root', { message: root });
    }
  });

  return (
    <section className="settings-card" aria-labelledby="create-key-title">
      <h2 id="create-key-title">{t('apiKeys.create.title')}</h2>
      {created && (
        <OneTimeSecret
          title={t('apiKeys.create.createdTitle', { name: created.name })}
          hint={t('apiKeys.create.keyHint')}
          secret={created.key}
          onDismiss={() => setCreated(undefined)}
        />
      )}
      <form className="settings-form" onSubmit={onSubmit} noValidate>
        <label className="field">
          <span>{t('apiKeys.create.name')}</span>
          <input aria-invalid={errors.name ? true : undefined} {...form.register('name')} />
          <FieldError error={errors.name} />
        </label>
        <fieldset className="settings-choices">
          <legend>{t('apiKeys.create.scope')}</legend>
          {KEY_SCOPES.map((scope) => (
            <label key={scope} className="settings-choice">
              <input
                type="radio"
                value={scope}
                aria-describedby={`${id}-${scope}`}
                {...form.register('scope')}
              />
              <span className="settings-choice__name">{t(`apiKeys.scopes.${scope}.name`)}</span>
              <span className="settings-choice__description" id={`${id}-${scope}`} aria-hidden="true">
                {t(`apiKeys.scopes.${scope}.description`)}
              </span>
            </label>
          ))}
          <FieldError error={errors.scope} />
        </fieldset>
        {errors.root?.message && (
          <p className="form-error" role="alert">
            {errors.root.message}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {t('apiKeys.create.submit')}
        </button>
      </form>
    </section>
  );
}
