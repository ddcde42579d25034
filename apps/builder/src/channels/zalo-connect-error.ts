import { ZALO_CONNECT_ERRORS, type ZaloConnectError } from '@loa/api-contract';

export type { ZaloConnectError };

/** The code of `?zaloError=` (the API's callback); any other value reads as `connect_failed`. */
export function zaloConnectErrorOf(value: string | null): ZaloConnectError | undefined {
  if (value === null) return undefined;
  return ZALO_CONNECT_ERRORS.find((code) => code === value) ?? 'connect_failed';
}
