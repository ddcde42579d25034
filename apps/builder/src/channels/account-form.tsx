import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { showApiErrors } from './api-field-errors';
import { ACCOUNT_FIELDS } from './account-fields';
import { AccountFieldsView } from './account-fields-view';
import { accountFormSchema, type AccountFormValues } from './account-form-schema';
import type { ChannelKind } from './channel-queries';

interface Props {
  kind: ChannelKind;
  initial: AccountFormValues;
  storedSecrets: readonly string[];
  /** Saves the values; an API problem it throws is shown on the fields it names. */
  onSave: (values: AccountFormValues) => Promise<void>;
  submitLabel: string;
  submittingLabel: string;
  /** Buttons beside the submit button (e.g. Cancel). */
  actions?: ReactNode;
  testId: string;
}

/** An account's name and settings; secrets are write-only (a stored one is never shown, empty keeps it). */
export function AccountForm({
  kind,
  initial,
  storedSecrets,
  onSave,
  submitLabel,
  submittingLabel,
  actions,
  testId,
}: Props) {
  const { t } = useTranslation('channels');
  const schema = useMemo(() => accountFormSchema(kind, storedSecrets), [kind, storedSecrets]);
  const form = useForm<AccountFormValues>({ resolver: zodResolver(schema), defaultValues: initial });
  const { errors, isSubmitting, isDirty } = form.formState;
  const [saved, setSaved] = useState(false);

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await onSave(values);
      // Secrets just saved are stored now: the form forgets them.
      form.reset(blankSecrets(values, kind));
      setSaved(true);
    } catch (error) {
      showApiErrors(form, kind, error);
    }
  });

  return (
    <form className="channel-form" onSubmit={onSubmit} noValidate data-testid={testId}>
      <div className="field">
        <label htmlFor="channel-field-name">{t('form.name')}</label>
        <input
          id="channel-field-name"
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? 'channel-field-name-error' : undefined}
          {...form.register('name')}
        />
        {errors.name?.message && (
          <span className="field__error" id="channel-field-name-error">
            {t(errors.name.message, { defaultValue: errors.name.message })}
          </span>
        )}
      </div>
      <AccountFieldsView kind={kind} register={form.register} errors={errors} storedSecrets={storedSecrets} />
      {errors.root?.message && (
        <p className="form-error" role="alert">
          {errors.root.message}
        </p>
      )}
      {saved && !isDirty && (
        <p className="notice" role="status">
          {t('form.saved')}
        </p>
      )}
      <div className="dialog__actions">
        {actions}
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? submittingLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}

function blankSecrets(values: AccountFormValues, kind: ChannelKind): AccountFormValues {
  const blanked = { ...values };
  for (const field of ACCOUNT_FIELDS[kind]) if (field.input === 'secret') blanked[field.key] = '';
  return blanked;
}
