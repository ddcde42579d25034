import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Another application's open DataSource, for a second Nest application in the same process (the worker inside the
 * API process on the embedded database, which admits one connection owner). The owner opens and closes it.
 */
@Global()
@Module({})
export class SharedDatabaseModule {
  static of(dataSource: DataSource): DynamicModule {
    return {
      module: SharedDatabaseModule,
      providers: [{ provide: DataSource, useValue: dataSource }],
      exports: [DataSource],
    };
  }
}
