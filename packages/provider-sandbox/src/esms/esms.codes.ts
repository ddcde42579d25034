/** eSMS CodeResult values used by the sandbox (providers.md §5.1); CodeResult is always a string. */
export const ESMS_CODES = {
  accepted: '100',
  blocked: '99',
  badKeys: '101',
  balance: '103',
  brandname: '104',
  adsNeed30: '107',
  badPhone: '108',
  badType: '118',
  overLimit: '120',
  duplicateRequestId: '124',
  missingType: '300',
} as const;

export type EsmsCode = (typeof ESMS_CODES)[keyof typeof ESMS_CODES];

const MESSAGES: Record<EsmsCode, string> = {
  '100': 'Request accepted',
  '99': 'Phone number is blocked',
  '101': 'ApiKey or SecretKey is incorrect',
  '103': 'Insufficient balance',
  '104': 'Brandname is not registered',
  '107': 'Advertising messages need at least 30 phone numbers',
  '108': 'Phone number is invalid',
  '118': 'SmsType is not supported',
  '120': 'Too many phone numbers in one request',
  '124': 'RequestId already exists',
  '300': 'SmsType is missing',
};

export function esmsError(code: EsmsCode) {
  return { CodeResult: code, CountRegenerate: 0, ErrorMessage: MESSAGES[code] };
}
