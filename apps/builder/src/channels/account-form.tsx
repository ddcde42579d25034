import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState, type ReactNode } from 'react';
import { useForm, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { showApiErrors } from './api-field-errors';
import { ACCOUNT_FIELDS } from './account-fields';
import { AccountFieldsView } from './account-fields-view';
import { accountFormSchema, SEND_RATE_KEY, type AccountFormValues } from './account-form-schema';
import type { ChannelKind } from './channel-queries';

interface Props {
  kind: ChannelKind;
  initial: AccountFormValues;
  storedSecrets: readonly string[];
  /** Saves the values; an API problem it throws is shown on the fields it names. */
  onSave: (values: AccountFormValues) => Promise<void>;
  submitLabel: string;
  submittingLabel: string;
  /** Shows the account's own send rate, with the provider's default (messages per second) as the hint. */
  sendRate?: { defaultPerSecond: number };
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
  sendRate,
  actions,
  testId,
}: Props) {
  const { t } = useTranslation('channels');
  const withSendRate = sendRate !== undefined;
  const schema = useMemo(
    () => accountFormSchema(kind, storedSecrets, { sendRate: withSendRate }),
    [kind, storedSecrets, withSendRate],
  );
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
      {sendRate && (
        <SendRateField
          register={form.register}
          error={errors[SEND_RATE_KEY]?.message}
          defaultPerSecond={sendRate.defaultPerSecond}
        />
      )}
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

/** The account's own send rate; empty sends at the provider's default, given as the hint. */
function SendRateField({
  register,
  error,
  defaultPerSecond,
}: {
  register: UseFormRegister<AccountFormValues>;
  error: string | undefined;
  defaultPerSecond: number;
}) {
  const { t } = useTranslation('channels');
  const id = 'channel-field-send-rate';
  return (
    <div className="field">
      <label htmlFor={id}>{t('form.sendRate')}</label>
      <input
        id={id}
        inputMode="decimal"
        placeholder={String(defaultPerSecond)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        {...register(SEND_RATE_KEY)}
      />
      <span className="field__hint" id={`${id}-hint`}>
        {t('form.sendRateHint', { rate: defaultPerSecond })}
      </span>
      {error && (
        <span className="field__error" id={`${id}-error`}>
          {t(error, { defaultValue: error })}
        </span>
      )}
    </div>
  );
}

function blankSecrets(values: AccountFormValues, kind: ChannelKind): AccountFormValues {
  const blanked = { ...values };
  for (const field of ACCOUNT_FIELDS[kind]) if (field.input === 'secret') blanked[field.key] = '';
  return blanked;
}
