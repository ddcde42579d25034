import { type DynamicModule, Module } from '@nestjs/common';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { ChannelsModule } from './channels/channels.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { ConfigModule } from './config/config.module';
import { ContactsModule } from './contacts/contacts.module';
import type { LoaConfig } from './config/loa-config';
import { DatabaseModule } from './database/database.module';
import { EnrollmentModule } from './enrollment/enrollment.module';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { HttpModule } from './http/http.module';
import { ImportsModule } from './imports/imports.module';
import { MessagesModule } from './messages/messages.module';
import { OpenApiModule } from './openapi/openapi.module';
import { QueuesModule } from './queues/queues.module';
import { RedisModule } from './redis/redis.module';
import { ReportsModule } from './reports/reports.module';
import { SecretsModule } from './secrets/secrets.module';
import { WorkspaceSecretsModule } from './secrets/workspace-secrets.module';
import { SegmentsModule } from './segments/segments.module';
import { TemplatesModule } from './templates/templates.module';
import { TemporalClientModule } from './temporal/temporal-client.module';
import { UsersModule } from './users/users.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { WorkspacesModule } from './workspaces/workspaces.module';

@Module({})
export class AppModule {
  static forRoot(config: LoaConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        SecretsModule,
        RedisModule,
        QueuesModule,
        TemporalClientModule,
        HttpModule,
        AuditModule,
        AuthModule,
        WorkspacesModule,
        UsersModule,
        ApiKeysModule,
        SegmentsModule,
        OpenApiModule,
        HealthModule,
        ContactsModule,
        EventsModule,
        ImportsModule,
        ChannelsModule,
        TemplatesModule,
        MessagesModule,
        WebhooksModule,
        WorkspaceSecretsModule,
        CampaignsModule,
        EnrollmentModule,
        ReportsModule,
      ],
    };
  }
}
