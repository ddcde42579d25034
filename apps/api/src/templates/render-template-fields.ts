import { renderLiquid } from '@loa/engine';

export interface TemplateNote {
  field: string;
  message: string;
}

export interface RenderedFields<F extends string> {
  values: Record<F, string>;
  /** A text that failed to render keeps its template text and is named here; such a message is not sent. */
  errors: TemplateNote[];
  /** Variables this contact and event do not have: they render as empty text. */
  warnings: TemplateNote[];
}

/**
 * Renders each text with the engine's personalisation exactly as a send does (lenient variables), and renders it
 * once more with strict variables to tell the marketer which placeholders came out empty.
 */
export function renderTemplateFields<F extends string>(
  fields: Record<F, string>,
  scope: object,
  timezone: string,
  /** Fields whose outputs are HTML-escaped (an HTML body), so that data cannot add markup to the message. */
  htmlFields: readonly NoInfer<F>[] = [],
): RenderedFields<F> {
  const values = {} as Record<F, string>;
  const errors: TemplateNote[] = [];
  const warnings: TemplateNote[] = [];
  for (const field of Object.keys(fields) as F[]) {
    const text = fields[field];
    const escapeHtml = htmlFields.includes(field);
    const result = renderLiquid(text, scope, { timezone, escapeHtml });
    if (!result.ok) {
      values[field] = text;
      errors.push({ field, message: result.error });
      continue;
    }
    values[field] = result.text;
    const strict = renderLiquid(text, scope, { timezone, strictVariables: true, escapeHtml });
    if (!strict.ok)
      warnings.push({ field, message: `renders empty text for a missing value: ${strict.error}` });
  }
  return { values, errors, warnings };
}
