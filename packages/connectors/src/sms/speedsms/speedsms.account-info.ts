import { networkErrorCode, type HttpClient } from '../../http/http-client';
import type { SpeedSmsAccount } from './speedsms.config';

export type SpeedSmsAccountInfo =
  { ok: true; email: string; balance: number; currency: string } | { ok: false; detail: string };

/** GET /user/info (providers.md §SpeedSMS): the account's e-mail and balance, which proves the access token works. */
export async function speedSmsAccountInfo(
  http: HttpClient,
  account: SpeedSmsAccount,
): Promise<SpeedSmsAccountInfo> {
  let response;
  try {
    response = await http.send({
      method: 'GET',
      url: `${account.baseUrl.replace(/\/+$/, '')}/user/info`,
      headers: { authorization: `Basic ${Buffer.from(`${account.accessToken}:x`).toString('base64')}` },
    });
  } catch (error) {
    return {
      ok: false,
      detail: `SpeedSMS could not be reached (${networkErrorCode(error) ?? 'network_error'})`,
    };
  }
  let body: { status?: unknown; code?: unknown; message?: unknown; data?: Record<string, unknown> };
  try {
    body = JSON.parse(response.body) as typeof body;
  } catch {
    return { ok: false, detail: `SpeedSMS answered HTTP ${response.status} with a body that is not JSON` };
  }
  if (response.status !== 200 || body.status !== 'success' || typeof body.data !== 'object' || !body.data) {
    const message = typeof body.message === 'string' ? `: ${body.message}` : '';
    return {
      ok: false,
      detail: `SpeedSMS refused (HTTP ${response.status}, code ${String(body.code)})${message}`,
    };
  }
  return {
    ok: true,
    email: String(body.data['email'] ?? ''),
    balance: Number(body.data['balance'] ?? 0),
    currency: String(body.data['currency'] ?? 'VND'),
  };
}
