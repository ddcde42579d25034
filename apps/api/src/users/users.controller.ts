import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import type { z } from 'zod';
import { Access } from '../auth/access';
import { CurrentPrincipal, type UserPrincipal } from '../auth/principal';
import { Endpoint } from '../http/endpoint.decorator';
import {
  createdInvitationSchema,
  invitationIdParamsSchema,
  invitationListSchema,
  inviteBodySchema,
  memberListSchema,
  memberSchema,
  updateMemberBodySchema,
  userIdParamsSchema,
} from './users.schemas';
import { UsersService } from './users.service';

const TAGS = ['Users'];

/** Admins manage who works in the workspace; `Access.admin` admits no API key, so the principal is a user. */
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Endpoint({
    summary: 'Members of the workspace',
    tags: TAGS,
    access: Access.admin,
    response: memberListSchema,
  })
  async list(@CurrentPrincipal() principal: UserPrincipal) {
    return { items: await this.users.list(principal.workspaceId) };
  }

  @Patch(':id')
  @Endpoint({
    summary: "Change a member's role, or deactivate / reactivate them",
    tags: TAGS,
    access: Access.admin,
    params: userIdParamsSchema,
    body: updateMemberBodySchema,
    response: memberSchema,
  })
  async update(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param() params: z.infer<typeof userIdParamsSchema>,
    @Body() body: z.infer<typeof updateMemberBodySchema>,
  ) {
    return this.users.update({ actor: principal, userId: params.id, ...body });
  }

  @Post('invitations')
  @Endpoint({
    summary: 'Invite someone by e-mail with a role; the token is shown once',
    tags: TAGS,
    access: Access.admin,
    body: inviteBodySchema,
    status: 201,
    response: createdInvitationSchema,
  })
  async invite(@CurrentPrincipal() principal: UserPrincipal, @Body() body: z.infer<typeof inviteBodySchema>) {
    return this.users.invite({ actor: principal, ...body });
  }

  @Get('invitations')
  @Endpoint({
    summary: 'Invitations of the workspace',
    tags: TAGS,
    access: Access.admin,
    response: invitationListSchema,
  })
  async invitations(@CurrentPrincipal() principal: UserPrincipal) {
    return { items: await this.users.invitations(principal.workspaceId) };
  }

  @Delete('invitations/:id')
  @HttpCode(204)
  @Endpoint({
    summary: 'Revoke a pending invitation',
    tags: TAGS,
    access: Access.admin,
    params: invitationIdParamsSchema,
    status: 204,
  })
  async revoke(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param() params: z.infer<typeof invitationIdParamsSchema>,
  ) {
    await this.users.revokeInvitation(principal, params.id);
  }
}
