import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import type { z } from 'zod';
import { Access } from '../auth/access';
import { CurrentPrincipal, type Principal, type UserPrincipal } from '../auth/principal';
import { Endpoint } from '../http/endpoint.decorator';
import {
  channelAccountIdParamsSchema,
  channelAccountListSchema,
  channelAccountSchema,
  createChannelAccountBodySchema,
  updateChannelAccountBodySchema,
} from './channel-accounts.schemas';
import { ChannelAccountsService } from './channel-accounts.service';
import { ConnectionTestService } from './connection-test.service';

const TAGS = ['Channel accounts'];
type IdParams = z.infer<typeof channelAccountIdParamsSchema>;

@Controller('channel-accounts')
export class ChannelAccountsController {
  constructor(
    private readonly accounts: ChannelAccountsService,
    private readonly connectionTest: ConnectionTestService,
  ) {}

  @Get()
  @Endpoint({
    summary: 'Channel accounts of the workspace (settings only; secrets are never shown)',
    tags: TAGS,
    access: Access.read,
    response: channelAccountListSchema,
  })
  async list(@CurrentPrincipal() principal: Principal) {
    return { items: await this.accounts.list(principal.workspaceId, { admin: isAdmin(principal) }) };
  }

  @Get(':id')
  @Endpoint({
    summary: 'One channel account',
    tags: TAGS,
    access: Access.read,
    params: channelAccountIdParamsSchema,
    response: channelAccountSchema,
  })
  async get(@CurrentPrincipal() principal: Principal, @Param() params: IdParams) {
    return this.accounts.get(principal.workspaceId, params.id, { admin: isAdmin(principal) });
  }

  @Post()
  @Endpoint({
    summary: 'Add a channel account: a Zalo OA (then connect it), eSMS, SpeedSMS, Twilio or SMTP',
    description:
      "`config` follows the kind's account schema in @loa/connectors; 422 names each offending field as " +
      '`config.<field>` without echoing values. Secret fields are stored encrypted and never returned.',
    tags: TAGS,
    access: Access.admin,
    body: createChannelAccountBodySchema,
    status: 201,
    response: channelAccountSchema,
    responses: { 409: { description: 'Another account already has this name' } },
  })
  async create(
    @CurrentPrincipal() principal: UserPrincipal,
    @Body() body: z.infer<typeof createChannelAccountBodySchema>,
  ) {
    return this.accounts.create(principal, body);
  }

  @Patch(':id')
  @Endpoint({
    summary: 'Rename, reconfigure, disable or enable a channel account',
    tags: TAGS,
    access: Access.admin,
    params: channelAccountIdParamsSchema,
    body: updateChannelAccountBodySchema,
    response: channelAccountSchema,
    responses: { 409: { description: 'Another account already has this name' } },
  })
  async update(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param() params: IdParams,
    @Body() body: z.infer<typeof updateChannelAccountBodySchema>,
  ) {
    return this.accounts.update(principal, params.id, body);
  }

  @Post(':id/test')
  @HttpCode(200)
  @Endpoint({
    summary:
      "Test connection: one harmless call to the provider with the account's settings, recorded as lastTest",
    tags: TAGS,
    access: Access.admin,
    params: channelAccountIdParamsSchema,
    response: channelAccountSchema,
  })
  async test(@CurrentPrincipal() principal: UserPrincipal, @Param() params: IdParams) {
    return this.connectionTest.test(principal.workspaceId, params.id);
  }

  @Delete(':id')
  @HttpCode(204)
  @Endpoint({
    summary: 'Delete a channel account that never sent a message',
    tags: TAGS,
    access: Access.admin,
    params: channelAccountIdParamsSchema,
    status: 204,
    responses: { 409: { description: 'The account has messages in the ledger; disable it instead' } },
  })
  async remove(@CurrentPrincipal() principal: UserPrincipal, @Param() params: IdParams) {
    await this.accounts.remove(principal, params.id);
  }
}

function isAdmin(principal: Principal): boolean {
  return principal.kind === 'user' && principal.role === 'admin';
}
