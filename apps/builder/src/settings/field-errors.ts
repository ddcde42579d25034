import { isProblem } from '../api/api-problem';

export interface FormFieldError {
  /** The form field, named as the API names the body field (`quietHours.start`, `frequencyCaps.0.max`). */
  field: string;
  message: string;
}

/**
 * What an API refusal says about a form: the errors on the body fields the form has, and a message for the rest
 * (the whole problem when it names no field the form shows).
 */
export function formErrorsOf(
  error: unknown,
  hasField: (field: string) => boolean,
): { fields: FormFieldError[]; root?: string } {
  if (!isProblem(error)) return { fields: [], root: error instanceof Error ? error.message : String(error) };
  const onBody = error.fieldErrors.filter((problem) => (problem.in ?? 'body') === 'body');
  const fields = onBody
    .filter((problem) => hasField(problem.field))
    .map((problem) => ({ field: problem.field, message: problem.message }));
  const others = onBody.filter((problem) => !hasField(problem.field));
  const root =
    fields.length === 0
      ? error.message
      : others.length > 0
        ? others.map((problem) => `${problem.field}: ${problem.message}`).join('; ')
        : undefined;
  return { fields, ...(root !== undefined && { root }) };
}
