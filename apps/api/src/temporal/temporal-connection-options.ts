import type { TemporalConfig } from '../config/loa-config';

/** Connection options shared by the client (API) and the native connection (worker). */
export function temporalConnectionOptions(temporal: TemporalConfig) {
  return {
    address: temporal.address,
    tls: temporal.tls,
    apiKey: temporal.apiKey,
  };
}
