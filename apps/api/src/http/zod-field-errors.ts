import type { z } from 'zod';
import type { FieldError, FieldLocation } from './problem';

/** A zod failure as field errors that name each offending field by its dotted path. */
export function zodFieldErrors(error: z.ZodError, location: FieldLocation): FieldError[] {
  return error.issues.map((issue) => ({
    in: location,
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : location,
    message: issue.message.replace(/^Invalid input: /, ''),
  }));
}
