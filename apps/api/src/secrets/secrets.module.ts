import { Global, Module } from '@nestjs/common';
import { LOA_CONFIG, type LoaConfig } from '../config/loa-config';
import { SecretBox } from './secret-box';
import { WorkspaceSecrets } from './workspace-secrets';

/** The SecretBox of the configured encryption keys, for every module that stores secrets, and workspace secrets. */
@Global()
@Module({
  providers: [
    {
      provide: SecretBox,
      inject: [LOA_CONFIG],
      useFactory: (config: LoaConfig) => new SecretBox(config.encryptionKey, config.previousEncryptionKeys),
    },
    WorkspaceSecrets,
  ],
  exports: [SecretBox, WorkspaceSecrets],
})
export class SecretsModule {}
