/** eSMS `SendStatus` values (providers.md §5.1). */
export const ESMS_SEND_STATUS = {
  '1': 'pending_approval',
  '2': 'waiting',
  '4': 'rejected',
  '5': 'sent',
  '7': 'at_telco',
} as const;
export type EsmsSendStatus = (typeof ESMS_SEND_STATUS)[keyof typeof ESMS_SEND_STATUS];

/** eSMS `TypeId` values. */
export const ESMS_TYPE_ID = {
  '1': 'advertising',
  '2': 'care',
  '23': 'viber',
  '24': 'zns_otp',
  '25': 'zns_care',
} as const;
export type EsmsTypeId = (typeof ESMS_TYPE_ID)[keyof typeof ESMS_TYPE_ID];

/** eSMS `telcoid` values. */
export const ESMS_TELCO = {
  '1': 'viettel',
  '2': 'mobifone',
  '3': 'vinaphone',
  '4': 'vietnamobile',
  '5': 'gtel',
  '6': 'itel',
  '7': 'reddi',
} as const;
export type EsmsTelco = (typeof ESMS_TELCO)[keyof typeof ESMS_TELCO];

export interface EsmsDeliveryReport {
  smsId: string;
  /** The raw SendStatus and what it means; `unknown` for a value providers.md does not list. */
  sendStatusCode: string;
  sendStatus: EsmsSendStatus | 'unknown';
  /** Where the message stands: 5 is delivered, 4 failed, the rest are on their way. */
  outcome: 'delivered' | 'failed' | 'pending';
  /** The RequestId Loa sent (the correlation id), when eSMS echoes it. */
  requestId?: string;
  typeId?: string;
  type?: EsmsTypeId | 'unknown';
  telcoId?: string;
  telco?: EsmsTelco | 'unknown';
  phone?: string;
  /** VND (`Totalprice`). */
  totalPrice?: number;
  sendSuccess?: number;
  sendFailed?: number;
  totalSent?: number;
  totalReceiver?: number;
  /** Zalo extras when the message went through eSMS's ZNS proxy. */
  zalo?: { partnerIds?: string; errorInfo?: string; oaId?: string; templateId?: string };
}

export type ParsedEsmsCallback = { ok: true; report: EsmsDeliveryReport } | { ok: false; reason: string };

type Query = URLSearchParams | Record<string, string | string[] | undefined>;

/**
 * Parses the query of eSMS's delivery-report GET (to `CallbackUrl`, up to 5 attempts: handle it idempotently on
 * SMSID + SendStatus). Parameter names are matched case-insensitively, since eSMS mixes `Totalprice` and `telcoid`.
 */
export function parseEsmsCallback(query: Query): ParsedEsmsCallback {
  const params = lowerCaseParams(query);
  const smsId = params.get('smsid');
  const sendStatusCode = params.get('sendstatus');
  if (!smsId) return { ok: false, reason: 'SMSID is missing' };
  if (!sendStatusCode) return { ok: false, reason: 'SendStatus is missing' };
  const sendStatus = lookup(ESMS_SEND_STATUS, sendStatusCode);
  const typeId = params.get('typeid');
  const telcoId = params.get('telcoid');
  const zalo = {
    partnerIds: params.get('partnerids'),
    errorInfo: params.get('error_info'),
    oaId: params.get('oaid'),
    templateId: params.get('tempid'),
  };
  const report: EsmsDeliveryReport = {
    smsId,
    sendStatusCode,
    sendStatus,
    outcome: sendStatus === 'sent' ? 'delivered' : sendStatus === 'rejected' ? 'failed' : 'pending',
    ...optional('requestId', params.get('requestid')),
    ...optional('typeId', typeId),
    ...(typeId ? { type: lookup(ESMS_TYPE_ID, typeId) } : {}),
    ...optional('telcoId', telcoId),
    ...(telcoId ? { telco: lookup(ESMS_TELCO, telcoId) } : {}),
    ...optional('phone', params.get('phonenumber')),
    ...optional('totalPrice', numberOf(params.get('totalprice'))),
    ...optional('sendSuccess', numberOf(params.get('sendsuccess'))),
    ...optional('sendFailed', numberOf(params.get('sendfailed'))),
    ...optional('totalSent', numberOf(params.get('totalsent'))),
    ...optional('totalReceiver', numberOf(params.get('totalreceiver'))),
    ...(Object.values(zalo).some((value) => value !== undefined) ? { zalo: withoutUndefined(zalo) } : {}),
  };
  return { ok: true, report };
}

function lowerCaseParams(query: Query): Map<string, string> {
  const entries: Array<[string, string]> =
    query instanceof URLSearchParams
      ? [...query.entries()]
      : Object.entries(query).flatMap(([key, value]) =>
          value === undefined
            ? []
            : [[key, Array.isArray(value) ? (value[0] ?? '') : value] as [string, string]],
        );
  const params = new Map<string, string>();
  for (const [key, value] of entries) {
    const name = key.toLowerCase();
    if (!params.has(name) && value !== '') params.set(name, value);
  }
  return params;
}

function lookup<T extends Record<string, string>>(table: T, code: string): T[keyof T] | 'unknown' {
  return Object.prototype.hasOwnProperty.call(table, code) ? table[code as keyof T] : 'unknown';
}

function numberOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function withoutUndefined<T extends Record<string, string | undefined>>(
  value: T,
): Partial<Record<keyof T, string>> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<
    Record<keyof T, string>
  >;
}
