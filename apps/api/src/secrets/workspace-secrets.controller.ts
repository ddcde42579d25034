import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import type { z } from 'zod';
import { Access } from '../auth/access';
import { CurrentPrincipal, type UserPrincipal } from '../auth/principal';
import { AuditService } from '../audit/audit.service';
import { Endpoint } from '../http/endpoint.decorator';
import { problems } from '../http/problem';
import { WorkspaceSecrets } from './workspace-secrets';
import {
  putWorkspaceSecretBodySchema,
  workspaceSecretListSchema,
  workspaceSecretParamsSchema,
  workspaceSecretSchema,
} from './workspace-secrets.schemas';

const TAGS = ['Secrets'];

/** The workspace's named secrets (HTTP steps send them as headers by reference); values are write-only. */
@Controller('secrets')
export class WorkspaceSecretsController {
  constructor(
    private readonly secrets: WorkspaceSecrets,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Endpoint({
    summary: "The workspace's secrets by name (never their values)",
    tags: TAGS,
    access: Access.admin,
    response: workspaceSecretListSchema,
  })
  async list(@CurrentPrincipal() principal: UserPrincipal) {
    return { items: await this.secrets.list(principal.workspaceId) };
  }

  @Put(':name')
  @Endpoint({
    summary: 'Set a secret (created or replaced); its value is never answered',
    tags: TAGS,
    access: Access.admin,
    params: workspaceSecretParamsSchema,
    body: putWorkspaceSecretBodySchema,
    response: workspaceSecretSchema,
  })
  async put(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param() params: z.infer<typeof workspaceSecretParamsSchema>,
    @Body() body: z.infer<typeof putWorkspaceSecretBodySchema>,
  ) {
    const secret = await this.secrets.put(principal.workspaceId, params.name, body.value);
    await this.audit.record({
      workspaceId: principal.workspaceId,
      actor: principal,
      action: 'secret.set',
      targetKind: 'secret',
      targetId: params.name,
    });
    return secret;
  }

  @Delete(':name')
  @HttpCode(204)
  @Endpoint({
    summary: 'Delete a secret (HTTP steps that name it then fail with missing_secret)',
    tags: TAGS,
    access: Access.admin,
    params: workspaceSecretParamsSchema,
    status: 204,
  })
  async remove(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param() params: z.infer<typeof workspaceSecretParamsSchema>,
  ) {
    if (!(await this.secrets.remove(principal.workspaceId, params.name)))
      throw problems.notFound('The secret');
    await this.audit.record({
      workspaceId: principal.workspaceId,
      actor: principal,
      action: 'secret.deleted',
      targetKind: 'secret',
      targetId: params.name,
    });
  }
}
