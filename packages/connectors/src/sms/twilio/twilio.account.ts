import type { HttpClient } from '../../http/http-client';
import { readAccountJson, type AccountCheck } from '../account-check';
import type { TwilioAccount } from './twilio.config';

/** GET /2010-04-01/Accounts/{AccountSid}.json: the account's status and type, which proves the credentials. */
export async function twilioAccountStatus(http: HttpClient, account: TwilioAccount): Promise<AccountCheck> {
  const answer = await readAccountJson(http, 'Twilio', {
    method: 'GET',
    url: `${account.baseUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(account.accountSid)}.json`,
    headers: {
      authorization: `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64')}`,
    },
  });
  if (!answer.ok) return answer;
  if (answer.status !== 200) {
    const code = answer.body['code'] === undefined ? '' : `, code ${String(answer.body['code'])}`;
    return { ok: false, detail: `Twilio refused (HTTP ${answer.status}${code})` };
  }
  const status = String(answer.body['status'] ?? 'unknown');
  return {
    ok: status === 'active',
    detail: `Twilio account ${String(answer.body['friendly_name'] ?? '')}: ${status} (${String(answer.body['type'] ?? '')})`,
  };
}
