import type { EsmsAccountSeed, InboxMessage } from '../sandbox.types';
import type { SandboxContext } from '../state/sandbox-context';
import { stringField, type JsonRecord } from '../state/records';
import { toZaloPhone } from '../state/vietnamese-phone';
import { ESMS_CODES, esmsError } from './esms.codes';
import { telcoIdOf } from './telco';

/** VND per SMS segment by SmsType (indicative, providers.md §5.1). */
const PRICE_BY_TYPE: Record<string, number> = { '1': 520, '2': 520, '8': 450 };

function segmentsOf(content: string, unicode: boolean): number {
  const single = unicode ? 70 : 160;
  const multi = unicode ? 67 : 153;
  return content.length <= single ? 1 : Math.ceil(content.length / multi);
}

/** Which eSMS send function a request came in on: V4 (care/OTP, fixed number) or advertising (SmsType "1"). */
export type EsmsEndpoint = 'v4' | 'advertising';

/** Numbers per advertising request (providers.md §5.1: 30–5,000). */
const ADVERTISING_MIN = 30;
const ADVERTISING_MAX = 5000;

/**
 * The raw numbers of a request. V4 takes `Phone` as a string (comma- or semicolon-separated); advertising takes
 * `Phone` as a comma-separated string or an array, or `Phones` as an array (eSMS's own name for the list).
 */
export function rawPhonesOf(params: JsonRecord, endpoint: EsmsEndpoint): string[] {
  const list =
    endpoint === 'advertising' ? (params['Phones'] ?? params['Phone']) : stringField(params, 'Phone');
  const items: unknown[] = Array.isArray(list) ? list : [list];
  return items
    .flatMap((item) =>
      typeof item === 'string' || typeof item === 'number' ? String(item).split(/[,;]/) : [],
    )
    .map((phone) => phone.trim())
    .filter(Boolean);
}

function typeAllowed(endpoint: EsmsEndpoint, smsType: string): boolean {
  switch (endpoint) {
    case 'v4':
      return smsType === '2' || smsType === '8';
    case 'advertising':
      return smsType === '1';
  }
}

/**
 * SendMultipleMessage_V4 (JSON POST and GET) and SendMultipleSMSBrandname: validates in eSMS's order, charges,
 * records the RequestId, delivers one inbox entry per recipient and schedules the GET callbacks. Sandbox=1
 * validates only. V4 refuses SmsType "1" with 118; advertising accepts only SmsType "1", 30–5,000 numbers.
 */
export function esmsSend(
  context: SandboxContext,
  params: JsonRecord,
  endpoint: EsmsEndpoint,
): Record<string, unknown> {
  const state = context.state;
  const apiKey = stringField(params, 'ApiKey');
  const account: EsmsAccountSeed | undefined = state.seed.esms.find(
    (candidate) => candidate.apiKey === apiKey,
  );
  if (!account || stringField(params, 'SecretKey') !== account.secretKey)
    return esmsError(ESMS_CODES.badKeys);
  const smsType = stringField(params, 'SmsType');
  if (smsType === undefined || smsType === '') return esmsError(ESMS_CODES.missingType);
  if (!typeAllowed(endpoint, smsType)) return esmsError(ESMS_CODES.badType);
  const brandname = stringField(params, 'Brandname');
  if (smsType !== '8' && (!brandname || !account.brandnames.includes(brandname)))
    return esmsError(ESMS_CODES.brandname);
  const phones = rawPhonesOf(params, endpoint).map(toZaloPhone);
  if (phones.length === 0 || phones.some((phone) => phone === null)) return esmsError(ESMS_CODES.badPhone);
  const recipients = phones as string[];
  if (endpoint === 'advertising' && recipients.length < ADVERTISING_MIN)
    return esmsError(ESMS_CODES.adsNeed30);
  if (endpoint === 'advertising' && recipients.length > ADVERTISING_MAX)
    return esmsError(ESMS_CODES.overLimit);
  if (recipients.some((phone) => account.blockedPhones?.includes(phone)))
    return esmsError(ESMS_CODES.blocked);
  const content = stringField(params, 'Content') ?? '';
  const unicode = stringField(params, 'IsUnicode') === '1';
  const price = PRICE_BY_TYPE[smsType] * segmentsOf(content, unicode) * recipients.length;
  const requestId = stringField(params, 'RequestId');
  const seenIds = state.esmsRequestIds.get(account.apiKey) ?? new Set<string>();
  if (requestId && seenIds.has(requestId)) return esmsError(ESMS_CODES.duplicateRequestId);
  const smsId = `sandbox-${state.ids.next(24)}`;
  if (stringField(params, 'Sandbox') === '1')
    return { CodeResult: ESMS_CODES.accepted, CountRegenerate: 0, SMSID: smsId };
  const balance = state.balances.get(account.apiKey) ?? 0;
  if (balance < price) return esmsError(ESMS_CODES.balance);
  state.balances.set(account.apiKey, balance - price);
  if (requestId) {
    seenIds.add(requestId);
    state.esmsRequestIds.set(account.apiKey, seenIds);
  }
  const now = context.now();
  for (const phone of recipients) {
    const message: InboxMessage = {
      id: `${smsId}-${phone}`,
      channel: 'esms',
      account: account.apiKey,
      recipient: phone,
      providerMessageId: smsId,
      correlationId: requestId,
      content: {
        Content: content,
        Brandname: brandname,
        SmsType: smsType,
        IsUnicode: unicode ? '1' : '0',
        SendDate: stringField(params, 'SendDate'),
      },
      acceptedAt: new Date(now).toISOString(),
    };
    state.inbox.add(message);
  }
  const callbackUrl = stringField(params, 'CallbackUrl');
  if (callbackUrl) scheduleCallbacks({ context, callbackUrl, smsId, requestId, smsType, recipients, price });
  return { CodeResult: ESMS_CODES.accepted, CountRegenerate: 0, SMSID: smsId };
}

/** One HTTP GET per recipient with SendStatus 5, up to 5 attempts (providers.md §5.1). */
function scheduleCallbacks(input: {
  context: SandboxContext;
  callbackUrl: string;
  smsId: string;
  requestId?: string;
  smsType: string;
  recipients: string[];
  price: number;
}): void {
  const { context } = input;
  const delay = context.options.receiptDelayMs;
  // Retries stay on the generation of the send, so a reset drops them even when an attempt is in flight.
  const generation = context.generation;
  for (const phone of input.recipients) {
    const url = new URL(input.callbackUrl);
    const query: Record<string, string> = {
      SMSID: input.smsId,
      SendStatus: '5',
      SendSuccess: '1',
      SendFailed: '0',
      TotalSent: '1',
      TotalReceiver: String(input.recipients.length),
      Totalprice: String(input.price),
      RequestId: input.requestId ?? '',
      TypeId: input.smsType === '1' ? '1' : '2',
      telcoid: String(telcoIdOf(phone)),
      phonenumber: phone,
    };
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    const attempt = (number: number): void =>
      generation.later(delay * number, async (signal) => {
        const result = await context.callbacks.send({ method: 'GET', url: url.toString(), signal });
        if ((!result.ok || result.status >= 400) && number < 5) attempt(number + 1);
      });
    attempt(1);
  }
}
