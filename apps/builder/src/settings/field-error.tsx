import type { FieldError as HookFormError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/** Set on errors the API answered, whose message is the API's own text (not a message key). */
export const SERVER_ERROR = 'server';

/** The error under a form field: a message key of this form's checks, or the API's own words. */
export function FieldError({ error, id }: { error: HookFormError | undefined; id?: string }) {
  const { t } = useTranslation('settings');
  if (!error?.message) return null;
  return (
    <span className="field__error" id={id}>
      {error.type === SERVER_ERROR ? error.message : t(error.message)}
    </span>
  );
}
