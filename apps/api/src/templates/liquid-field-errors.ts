import { findLiquidSyntaxError } from '@loa/engine';
import type { FieldError, FieldLocation } from '../http/problem';

/** A field error that also says where in the text the Liquid broke, for the editor to highlight. */
export interface LiquidFieldError extends FieldError {
  line?: number;
  column?: number;
}

/** One error per text that is not valid Liquid (Loa's filters, as every send renders it), naming field and place. */
export function liquidFieldErrors(
  fields: Record<string, string | null | undefined>,
  location: FieldLocation = 'body',
): LiquidFieldError[] {
  const errors: LiquidFieldError[] = [];
  for (const [field, text] of Object.entries(fields)) {
    if (text === null || text === undefined) continue;
    const error = findLiquidSyntaxError(text);
    if (!error) continue;
    const where = error.line === undefined ? '' : ` at line ${error.line}, column ${error.column}`;
    errors.push({
      in: location,
      field,
      message: `has a broken placeholder ({{ … }} or {% … %})${where}: ${error.message}`,
      ...(error.line !== undefined && { line: error.line, column: error.column }),
    });
  }
  return errors;
}
