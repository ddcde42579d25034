import { parseHealth, type HealthReport } from './health';

export const HEALTH_ENDPOINT = '/api/health';
export const HEALTH_TIMEOUT_MS = 15_000;

export type HealthResult =
  | { kind: 'report'; report: HealthReport; receivedAt: Date }
  | { kind: 'unreachable'; reason: string; receivedAt: Date };

export interface FetchHealthOptions {
  endpoint?: string;
  timeoutMs?: number;
  /** Aborting it abandons the request; the result then only says so. */
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
  now?: () => Date;
}

/** Calls the health endpoint and never throws: any failure becomes an "unreachable" result with a reason. */
export async function fetchHealth(options: FetchHealthOptions = {}): Promise<HealthResult> {
  const {
    endpoint = HEALTH_ENDPOINT,
    timeoutMs = HEALTH_TIMEOUT_MS,
    signal,
    fetchImpl = fetch,
    now = () => new Date(),
  } = options;
  const timeout = AbortSignal.timeout(timeoutMs);
  const unreachable = (reason: string): HealthResult => ({ kind: 'unreachable', reason, receivedAt: now() });

  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(endpoint, {
      headers: { accept: 'application/json' },
      cache: 'no-store',
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    text = await response.text();
  } catch (error) {
    if (timeout.aborted) return unreachable(`no answer within ${formatTimeout(timeoutMs)}`);
    if (signal?.aborted) return unreachable('request cancelled');
    return unreachable(`network error (${error instanceof Error ? error.message : String(error)})`);
  }
  return interpretResponse(response.status, response.statusText, text, now());
}

/** 200 and 503 both carry a health report; anything else means the API could not be reached or is not ours. */
export function interpretResponse(
  status: number,
  statusText: string,
  text: string,
  receivedAt: Date,
): HealthResult {
  const httpStatus = `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
  if (status !== 200 && status !== 503) {
    return { kind: 'unreachable', reason: `${httpStatus} from ${HEALTH_ENDPOINT}`, receivedAt };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const snippet = text.trim().slice(0, 60);
    return {
      kind: 'unreachable',
      reason: `${httpStatus} but the body is not JSON${snippet ? ` (starts with ${JSON.stringify(snippet)})` : ' (empty)'}`,
      receivedAt,
    };
  }
  const parsed = parseHealth(body);
  if (!parsed.ok) {
    return { kind: 'unreachable', reason: `unexpected health response: ${parsed.reason}`, receivedAt };
  }
  return { kind: 'report', report: parsed.report, receivedAt };
}

function formatTimeout(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
