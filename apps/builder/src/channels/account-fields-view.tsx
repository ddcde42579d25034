import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_FIELDS, type AccountField } from './account-fields';
import type { AccountFormValues } from './account-form-schema';
import type { ChannelKind } from './channel-queries';

interface Props {
  kind: ChannelKind;
  register: UseFormRegister<AccountFormValues>;
  errors: FieldErrors<AccountFormValues>;
  /** Paths of the secrets the account already holds (never their values). */
  storedSecrets: readonly string[];
}

/** The kind's fields; provider addresses and signature quirks folded under "Advanced". */
export function AccountFieldsView({ kind, register, errors, storedSecrets }: Props) {
  const { t } = useTranslation('channels');
  const fields = ACCOUNT_FIELDS[kind];
  const field = (spec: AccountField) => (
    <AccountFieldView
      key={spec.key}
      spec={spec}
      register={register}
      error={errors[spec.key]?.message}
      stored={storedSecrets.includes(spec.path)}
    />
  );
  // A refused advanced field must be seen and reachable: its fold opens.
  const advancedRefused = fields.some((spec) => spec.advanced && errors[spec.key]);
  return (
    <>
      {fields.filter((spec) => !spec.advanced).map(field)}
      <details className="channel-form__advanced" open={advancedRefused}>
        <summary>{t('form.advanced')}</summary>
        {fields.filter((spec) => spec.advanced).map(field)}
      </details>
    </>
  );
}

function AccountFieldView({
  spec,
  register,
  error,
  stored,
}: {
  spec: AccountField;
  register: UseFormRegister<AccountFormValues>;
  error: string | undefined;
  stored: boolean;
}) {
  const { t } = useTranslation('channels');
  const id = `channel-field-${spec.key}`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const hint =
    spec.input === 'secret'
      ? stored
        ? t('form.secretStored')
        : spec.optional
          ? t('form.secretOptional')
          : undefined
      : undefined;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined;
  const errorText = error && (
    <span className="field__error" id={errorId}>
      {t(error, { defaultValue: error })}
    </span>
  );

  if (spec.input === 'checkbox')
    return (
      <div className="field field--checkbox">
        <label htmlFor={id}>
          <input id={id} type="checkbox" {...register(spec.key)} />
          <span>{t(`fields.${spec.key}`)}</span>
        </label>
        {errorText}
      </div>
    );

  return (
    <div className="field">
      <label htmlFor={id}>{t(`fields.${spec.key}`)}</label>
      {spec.input === 'select' ? (
        <select id={id} aria-describedby={describedBy} {...register(spec.key)}>
          {spec.options?.map((option) => (
            <option key={option} value={option}>
              {t(`options.${spec.key}.${option}`)}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type={spec.input === 'secret' ? 'password' : 'text'}
          inputMode={spec.input === 'number' ? 'numeric' : undefined}
          autoComplete={spec.input === 'secret' ? 'new-password' : 'off'}
          placeholder={spec.input === 'secret' && stored ? '••••••••' : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...register(spec.key)}
        />
      )}
      {hint && (
        <span className="field__hint" id={hintId}>
          {hint}
        </span>
      )}
      {errorText}
    </div>
  );
}
