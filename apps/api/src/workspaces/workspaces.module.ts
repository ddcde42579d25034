import { Module } from '@nestjs/common';
import { BootstrapAdmin } from './bootstrap-admin';
import { WorkspacesController } from './workspaces.controller';
import { WorkspacesService } from './workspaces.service';

@Module({
  controllers: [WorkspacesController],
  providers: [WorkspacesService, BootstrapAdmin],
  exports: [WorkspacesService],
})
export class WorkspacesModule {}
