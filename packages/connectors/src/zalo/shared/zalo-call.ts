import type { z } from 'zod';
import { asRecord, readCode, readText } from '../../shared/lenient-read';
import {
  mayHaveReachedServer,
  networkErrorCode,
  type HttpClient,
  type HttpRequest,
  type HttpResponse,
} from '../../http/http-client';

/** Why a Zalo API call did not return data; a value, never thrown. */
export type ZaloCallFailure =
  /** HTTP 200 with `error` ≠ 0: Zalo's own code. */
  | { ok: false; kind: 'provider'; code: number; providerMessage: string }
  /** An HTTP status other than 200 (429 and 5xx are retryable). */
  | { ok: false; kind: 'http'; status: number }
  /**
   * The request never got an answer (connection refused or reset, timeout, abort). `mayHaveArrived`: it was written
   * to a connection before it failed, so Zalo may have received it and acted on it.
   */
  | { ok: false; kind: 'network'; code: string; mayHaveArrived: boolean }
  /**
   * A 2xx answer that is not the documented envelope, or whose `data` lacks what the call needs. For a send, whether
   * Zalo accepted the message is then unknown.
   */
  | { ok: false; kind: 'invalid_response'; detail: string };

export type ZaloCallResult<T> = { ok: true; data: T } | ZaloCallFailure;

/**
 * Sends one request to a Zalo business API (ZNS or OA) and reads the `{error, message, data}` envelope that both
 * answer with, HTTP 200 even on errors (providers.md §2.1, §3.1). `data` is checked with `dataSchema`.
 */
export async function callZaloApi<S extends z.ZodType>({
  http,
  request,
  dataSchema,
}: {
  http: HttpClient;
  request: HttpRequest;
  dataSchema: S;
}): Promise<ZaloCallResult<z.output<S>>> {
  let response: HttpResponse;
  try {
    response = await http.send(request);
  } catch (error) {
    return {
      ok: false,
      kind: 'network',
      code: networkErrorCode(error) ?? 'network_error',
      mayHaveArrived: mayHaveReachedServer(error),
    };
  }
  return readZaloAnswer(response, dataSchema);
}

/**
 * Reads Zalo's answer to one call. `error` is Zalo's own success indicator: 0 (or "0") is a success, whatever else
 * the envelope holds; a 2xx answer without a readable `error` is `invalid_response` (Zalo's verdict unknown).
 */
export function readZaloAnswer<S extends z.ZodType>(
  { status, body }: Pick<HttpResponse, 'status' | 'body'>,
  dataSchema: S,
): ZaloCallResult<z.output<S>> {
  if (status < 200 || status > 299) return { ok: false, kind: 'http', status };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { ok: false, kind: 'invalid_response', detail: 'body is not JSON' };
  }
  const envelope = asRecord(parsed);
  if (!envelope) return { ok: false, kind: 'invalid_response', detail: 'body is not a JSON object' };
  const code = Number(readCode(envelope['error']));
  if (!Number.isInteger(code)) {
    return { ok: false, kind: 'invalid_response', detail: '`error` is missing or not a number' };
  }
  if (code !== 0) {
    return { ok: false, kind: 'provider', code, providerMessage: readText(envelope['message']) ?? '' };
  }
  const data = dataSchema.safeParse(envelope['data']);
  if (!data.success) {
    const issue = data.error.issues[0];
    return {
      ok: false,
      kind: 'invalid_response',
      detail: `data.${issue?.path.map(String).join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
    };
  }
  return { ok: true, data: data.data };
}

/** Query string for GET endpoints of the OA API, which take one JSON `data` parameter (providers.md §3.1). */
export function oaDataQuery(data: Record<string, unknown>): string {
  return `data=${encodeURIComponent(JSON.stringify(data))}`;
}
