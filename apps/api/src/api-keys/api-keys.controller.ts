import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import type { z } from 'zod';
import { Access } from '../auth/access';
import { CurrentPrincipal, type UserPrincipal } from '../auth/principal';
import { Endpoint } from '../http/endpoint.decorator';
import {
  apiKeyIdParamsSchema,
  apiKeyListSchema,
  createApiKeyBodySchema,
  createdApiKeySchema,
} from './api-keys.schemas';
import { ApiKeysService } from './api-keys.service';

const TAGS = ['API keys'];

@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @Endpoint({
    summary: 'Create an API key (ingest, read or write); the key is in this answer only',
    tags: TAGS,
    access: Access.admin,
    body: createApiKeyBodySchema,
    status: 201,
    response: createdApiKeySchema,
  })
  async create(
    @CurrentPrincipal() principal: UserPrincipal,
    @Body() body: z.infer<typeof createApiKeyBodySchema>,
  ) {
    return this.apiKeys.create({ actor: principal, ...body });
  }

  @Get()
  @Endpoint({
    summary: 'API keys of the workspace (never the keys themselves)',
    tags: TAGS,
    access: Access.admin,
    response: apiKeyListSchema,
  })
  async list(@CurrentPrincipal() principal: UserPrincipal) {
    return { items: await this.apiKeys.list(principal.workspaceId) };
  }

  @Delete(':id')
  @HttpCode(204)
  @Endpoint({
    summary: 'Revoke an API key',
    tags: TAGS,
    access: Access.admin,
    params: apiKeyIdParamsSchema,
    status: 204,
  })
  async revoke(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param() params: z.infer<typeof apiKeyIdParamsSchema>,
  ) {
    await this.apiKeys.revoke(principal, params.id);
  }
}
