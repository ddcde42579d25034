import { Body, Controller, Get, Patch } from '@nestjs/common';
import type { z } from 'zod';
import { Access } from '../auth/access';
import { CurrentPrincipal, type Principal, type UserPrincipal } from '../auth/principal';
import { Endpoint } from '../http/endpoint.decorator';
import { updateWorkspaceBodySchema, workspaceSchema } from './workspaces.schemas';
import { WorkspacesService } from './workspaces.service';

const TAGS = ['Workspace'];

@Controller('workspace')
export class WorkspacesController {
  constructor(private readonly workspaces: WorkspacesService) {}

  @Get()
  @Endpoint({ summary: 'The current workspace', tags: TAGS, access: Access.read, response: workspaceSchema })
  async get(@CurrentPrincipal() principal: Principal) {
    return this.workspaces.get(principal.workspaceId);
  }

  @Patch()
  @Endpoint({
    summary: 'Rename the workspace, change its time zone, or whether publishing a campaign needs approval',
    tags: TAGS,
    access: Access.admin,
    body: updateWorkspaceBodySchema,
    response: workspaceSchema,
  })
  async update(
    @CurrentPrincipal() principal: UserPrincipal,
    @Body() body: z.infer<typeof updateWorkspaceBodySchema>,
  ) {
    return this.workspaces.update(principal, body);
  }
}
