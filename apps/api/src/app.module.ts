import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import { ContactsModule } from './contacts/contacts.module';
import type { LoaConfig } from './config/loa-config';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { RedisModule } from './redis/redis.module';
import { TemporalClientModule } from './temporal/temporal-client.module';

@Module({})
export class AppModule {
  static forRoot(config: LoaConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        RedisModule,
        TemporalClientModule,
        HealthModule,
        ContactsModule,
      ],
    };
  }
}
