import { ApiProblem } from '../../api/api-problem';

/** What went wrong with an action, as the bar shows it: the API's own sentence, then each problem it listed. */
export interface ProblemReport {
  /** The campaign's graph has errors (422 campaign-invalid): the bar says how many, the list says which. */
  invalidCount?: number;
  detail: string;
  items: string[];
}

export function problemReport(error: unknown): ProblemReport {
  if (!(error instanceof ApiProblem))
    return { detail: error instanceof Error ? error.message : String(error), items: [] };
  const items = error.fieldErrors.map((field) => field.message);
  if (error.type === 'urn:loa:problem:campaign-invalid')
    return { invalidCount: items.length, detail: error.detail ?? error.title, items };
  const named = error.fieldErrors.map((field) => `${field.field}: ${field.message}`);
  return { detail: error.detail ?? error.title, items: named };
}
