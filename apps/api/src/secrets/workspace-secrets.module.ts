import { Module } from '@nestjs/common';
import { WorkspaceSecretsController } from './workspace-secrets.controller';

/** The secrets routes (the store itself is SecretsModule's, shared with the worker). */
@Module({ controllers: [WorkspaceSecretsController] })
export class WorkspaceSecretsModule {}
