import type { UseFormReturn } from 'react-hook-form';
import { isProblem } from '../api/api-problem';
import { formKeyOfApiField, type AccountFormValues } from './account-form-schema';
import type { ChannelKind } from './channel-queries';

/** Puts the fields an API problem names on the form's fields, and the rest of it on the form. */
export function showApiErrors(
  form: UseFormReturn<AccountFormValues>,
  kind: ChannelKind,
  error: unknown,
): void {
  const message = error instanceof Error ? error.message : String(error);
  if (!isProblem(error) || error.fieldErrors.length === 0) {
    form.setError('root', { message });
    return;
  }
  let unplaced = false;
  for (const problem of error.fieldErrors) {
    const key = formKeyOfApiField(kind, problem.field);
    if (key) form.setError(key, { message: problem.message });
    else unplaced = true;
  }
  if (unplaced) form.setError('root', { message });
}
