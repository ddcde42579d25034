import { Connection } from '@temporalio/client';
import { LOA_CONFIG, type LoaConfig } from '../config/loa-config';
import { temporalConnectionOptions } from '../temporal/temporal-connection-options';

export const TEMPORAL_HEALTH_CONNECTION = Symbol('TEMPORAL_HEALTH_CONNECTION');

/**
 * Health checks get a connection of their own without the client's retry interceptor: a probe must fail fast
 * with the gRPC reason, not retry with backoff until its deadline.
 */
export const temporalHealthConnectionProvider = {
  provide: TEMPORAL_HEALTH_CONNECTION,
  inject: [LOA_CONFIG],
  useFactory: (config: LoaConfig) =>
    Connection.lazy({ ...temporalConnectionOptions(config.temporal), interceptors: [] }),
};
