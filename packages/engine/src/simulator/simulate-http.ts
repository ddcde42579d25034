import type { HttpStep } from '../plan/plan.types';
import { renderLiquid } from '../personalisation/render-liquid';
import { scriptedOutcome } from './scripted-outcomes';
import type { NodeOutcomeScript } from './simulation-input.schema';

export interface SimulatedHttpCall {
  success: boolean;
  /** "POST https://…/DH1024", plus the scripted error or render_error. */
  detail: string;
}

/** A webhook call on paper: URL and body rendered, the scripted outcome (default success) decides the handle. */
export function simulateHttp(input: {
  stepId: string;
  step: HttpStep;
  contactId: string;
  scope: object;
  timezone: string;
  outcomes: Record<string, NodeOutcomeScript>;
}): SimulatedHttpCall {
  const { request } = input.step;
  const url = renderLiquid(request.url, input.scope, { timezone: input.timezone });
  const body =
    request.body === undefined
      ? undefined
      : renderLiquid(request.body, input.scope, { timezone: input.timezone });
  const renderError = [url, body].find((rendered) => rendered && !rendered.ok);
  const outcome = renderError
    ? { success: false, error: 'render_error' }
    : scriptedOutcome(input.outcomes, input.stepId, input.contactId);
  const detail = [`${request.method} ${url.ok ? url.text : request.url}`, outcome.error]
    .filter(Boolean)
    .join('; ');
  return { success: outcome.success, detail };
}
