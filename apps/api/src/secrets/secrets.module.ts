import { Global, Module } from '@nestjs/common';
import { LOA_CONFIG, type LoaConfig } from '../config/loa-config';
import { SecretBox } from './secret-box';

/** The SecretBox of the configured encryption keys, for every module that stores secrets. */
@Global()
@Module({
  providers: [
    {
      provide: SecretBox,
      inject: [LOA_CONFIG],
      useFactory: (config: LoaConfig) => new SecretBox(config.encryptionKey, config.previousEncryptionKeys),
    },
  ],
  exports: [SecretBox],
})
export class SecretsModule {}
