import { networkErrorCode, type HttpClient, type HttpRequest } from '../http/http-client';

/** The outcome of a "test connection" call: what the provider said about the account, or why it did not. */
export type AccountCheck = { ok: true; detail: string } | { ok: false; detail: string };

/** Sends one account-info request and reads a JSON answer; network trouble and non-JSON bodies become values. */
export async function readAccountJson(
  http: HttpClient,
  provider: string,
  request: HttpRequest,
): Promise<{ ok: true; status: number; body: Record<string, unknown> } | { ok: false; detail: string }> {
  let response;
  try {
    response = await http.send(request);
  } catch (error) {
    return {
      ok: false,
      detail: `${provider} could not be reached (${networkErrorCode(error) ?? 'network_error'})`,
    };
  }
  try {
    const body = JSON.parse(response.body) as unknown;
    if (typeof body !== 'object' || body === null) throw new Error('not an object');
    return { ok: true, status: response.status, body: body as Record<string, unknown> };
  } catch {
    return { ok: false, detail: `${provider} answered HTTP ${response.status} with a body that is not JSON` };
  }
}
