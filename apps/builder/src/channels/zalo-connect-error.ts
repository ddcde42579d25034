/**
 * The codes the API's Zalo callback sends back (`?zaloError=<code>`); the message shown is the builder's own for
 * the code, so that nothing from the URL is ever displayed. Any other value reads as `connect_failed`.
 */
const ZALO_CONNECT_ERRORS = [
  'access_denied',
  'state_unknown',
  'state_expired',
  'wrong_oa',
  'exchange_failed',
  'connect_failed',
] as const;
export type ZaloConnectError = (typeof ZALO_CONNECT_ERRORS)[number];

export function zaloConnectErrorOf(value: string | null): ZaloConnectError | undefined {
  if (value === null) return undefined;
  return ZALO_CONNECT_ERRORS.find((code) => code === value) ?? 'connect_failed';
}
