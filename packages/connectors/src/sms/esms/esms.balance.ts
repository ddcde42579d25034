import type { HttpClient } from '../../http/http-client';
import { readAccountJson, type AccountCheck } from '../account-check';
import type { EsmsAccount } from './esms.config';

/** GetBalance_json: the account's balance, which proves the ApiKey and SecretKey (they travel in the path). */
export async function esmsBalance(http: HttpClient, account: EsmsAccount): Promise<AccountCheck> {
  const keys = `${encodeURIComponent(account.apiKey)}/${encodeURIComponent(account.secretKey)}`;
  const answer = await readAccountJson(http, 'eSMS', {
    method: 'GET',
    url: `${account.baseUrl.replace(/\/+$/, '')}/GetBalance_json/${keys}`,
  });
  if (!answer.ok) return answer;
  const code = String(answer.body['CodeResponse'] ?? answer.body['CodeResult'] ?? '');
  if (answer.status !== 200 || code !== '100')
    return { ok: false, detail: `eSMS refused (HTTP ${answer.status}, code ${code || 'none'})` };
  return { ok: true, detail: `eSMS balance ${Number(answer.body['Balance'] ?? 0)} VND` };
}
