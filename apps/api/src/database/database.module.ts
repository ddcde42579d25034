import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LOA_CONFIG, type LoaConfig } from '../config/loa-config';
import { createDataSource, dataSourceOptions } from './data-source-options';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [LOA_CONFIG],
      useFactory: (config: LoaConfig) => ({
        ...dataSourceOptions(config.database),
        retryAttempts: 3,
        retryDelay: 1000,
      }),
      dataSourceFactory: (options) =>
        options
          ? Promise.resolve(createDataSource(options))
          : Promise.reject(new Error('no database options')),
    }),
  ],
})
export class DatabaseModule {}
