import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { LOA_CONFIG, type LoaConfig } from '../config/loa-config';
import { temporalConnectionOptions } from './temporal-connection-options';

export const TEMPORAL_CONNECTION = Symbol('TEMPORAL_CONNECTION');
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

/** The Temporal client of the HTTP process. The connection is lazy: the API starts even while Temporal is down. */
@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CONNECTION,
      inject: [LOA_CONFIG],
      useFactory: (config: LoaConfig) => Connection.lazy(temporalConnectionOptions(config.temporal)),
    },
    {
      provide: TEMPORAL_CLIENT,
      inject: [TEMPORAL_CONNECTION, LOA_CONFIG],
      useFactory: (connection: Connection, config: LoaConfig) =>
        new Client({ connection, namespace: config.temporal.namespace }),
    },
  ],
  exports: [TEMPORAL_CONNECTION, TEMPORAL_CLIENT],
})
export class TemporalClientModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CONNECTION) private readonly connection: Connection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
